using System.Globalization;
using System.Reflection;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// Binds one settings section onto its options class key by key, so that every bad key is reported, not only
/// the first the framework's binder trips on: a value of the wrong type, an enum name that does not exist,
/// a key the class does not have (a typo would otherwise be ignored in silence). A list given in the
/// settings replaces the class's default list instead of being appended to it, as the framework's binder does.
/// Problems name the key and never repeat the value, which may be a secret.
/// </summary>
internal static class SettingsBinder
{
    public static T Bind<T>(IConfigurationSection section, ICollection<string> problems)
        where T : class, new()
    {
        var options = new T();
        BindObject(options, section, problems);
        return options;
    }

    private static void BindObject(object target, IConfigurationSection section, ICollection<string> problems)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add($"{child.Path} is not a setting of the {section.Path} section");
                continue;
            }
            var type = property.PropertyType;
            if (type == typeof(List<string>))
            {
                property.SetValue(target, child.GetChildren().Select(item => item.Value ?? string.Empty).ToList());
            }
            else if (IsScalar(type))
            {
                BindScalar(target, property, child, problems);
            }
            else
            {
                var nested = property.GetValue(target) ?? Activator.CreateInstance(type)!;
                BindObject(nested, child, problems);
                property.SetValue(target, nested);
            }
        }
    }

    private static void BindScalar(object target, PropertyInfo property, IConfigurationSection child, ICollection<string> problems)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (child.Value is null)
        {
            // A key set to null (JSON null) leaves the default; one with keys under it is a mistake.
            if (child.GetChildren().Any())
            {
                problems.Add($"{child.Path} must be {Describe(type)}, not a list or a section");
            }
            return;
        }
        if (type != typeof(string) && string.IsNullOrWhiteSpace(child.Value))
        {
            // An empty value, e.g. from Bot__MaxActivityBytes= : the default stays.
            return;
        }
        object? value;
        try
        {
            value = child.Get(property.PropertyType);
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{child.Path} must be {Describe(type)}");
            return;
        }
        if (type.IsEnum && (value is null || !Enum.IsDefined(type, value)))
        {
            problems.Add($"{child.Path} must be {Describe(type)}");
            return;
        }
        property.SetValue(target, value);
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(Uri);
    }

    private static string Describe(Type type)
    {
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }
        if (type == typeof(bool))
        {
            return "true or false";
        }
        if (type == typeof(TimeSpan))
        {
            return "a duration such as 00:00:30";
        }
        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }
        return string.Create(CultureInfo.InvariantCulture, $"a {type.Name} value");
    }
}
