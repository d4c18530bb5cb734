using System.Text.Json;
using System.Text.Json.Serialization;

namespace KiemDiemBot.Core.Calendar;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(HolidayTableDocument))]
internal sealed partial class HolidayTableJsonContext : JsonSerializerContext;
