#!/usr/bin/env python3
"""Adds up the counters of every .trx file under a folder and prints the plain CI summary line
'N passed, N failed' (CI does not read dotnet test's own summary). Lists failed tests first, each with the
head of its error message and stack, since CI keeps only the end of the output."""
import sys, pathlib, xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
failures = []
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    root = ET.parse(trx).getroot()
    counters = root.find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") == "Failed":
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
            stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=ns).strip()
            detail = (message.splitlines()[:6] + stack.splitlines()[:4])
            failures.append((f"{trx.stem}: {result.get('testName')}", detail))
for name, detail in failures:
    print(f"FAILED {name}")
    for line in detail:
        print(f"    {line}")
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
