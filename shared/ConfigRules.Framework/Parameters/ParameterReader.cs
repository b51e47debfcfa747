using System.Globalization;
using System.Text.RegularExpressions;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Text;

namespace ConfigRules.Framework.Parameters;

/// <summary>
/// Reads a rule's raw string parameters against its declared definitions. Every problem is collected, so one
/// <see cref="InvalidParameterValueException"/> reports them all; an empty value means "use the default".
/// </summary>
public sealed class ParameterReader
{
    /// <summary>Longer values are refused: Config's whole InputParameters is far smaller, so this is a mistake or an attack.</summary>
    public const int MaxValueLength = 2048;

    /// <summary>Longer patterns are refused before compiling.</summary>
    public const int MaxPatternLength = 512;

    /// <summary>Every pattern match from a parameter runs with this timeout, so a hostile pattern cannot stall a rule.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly RuleDefinition _definition;
    private readonly IReadOnlyDictionary<string, string> _raw;
    private readonly List<string> _problems = [];

    public ParameterReader(RuleDefinition definition, IReadOnlyDictionary<string, string> raw)
    {
        _definition = definition;
        _raw = raw;
        var accepted = definition.Parameters.Count == 0
            ? "this rule takes no parameters"
            : $"accepted: {string.Join(", ", definition.Parameters.Select(p => p.Name))}";
        foreach (var name in raw.Keys.Order(StringComparer.Ordinal))
        {
            if (definition.FindParameter(name) is null)
                _problems.Add($"unknown parameter '{name}' ({accepted}).");
            else if (raw[name].Length > MaxValueLength)
                _problems.Add($"parameter '{name}' is {raw[name].Length} characters long; at most {MaxValueLength} are accepted.");
        }
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Adds a problem that spans parameters (a minimum above its maximum).</summary>
    public void AddProblem(string problem) => _problems.Add(problem);

    public string? GetString(string name) => Text(Declared(name, ParameterKind.String));

    public long? GetInteger(string name)
    {
        var definition = Declared(name, ParameterKind.Integer);
        var text = Text(definition);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // Config and hand-written packs sometimes pass "128.0".
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d && Math.Abs(d) < 9e15)
                value = (long)d;
            else
                return Problem<long?>(definition, text);
        }
        if ((definition.Minimum is { } min && value < min) || (definition.Maximum is { } max && value > max))
            return Problem<long?>(definition, text);
        return value;
    }

    public bool? GetBoolean(string name)
    {
        var definition = Declared(name, ParameterKind.Boolean);
        var text = Text(definition);
        if (text is null) return null;
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
        return Problem<bool?>(definition, text);
    }

    /// <summary>A comma-separated list, entries trimmed, empty entries dropped; empty when not set.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        var text = Text(Declared(name, ParameterKind.StringList));
        return text is null
            ? []
            : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A pattern that must match a whole value, compiled with <see cref="MatchTimeout"/>.</summary>
    public Regex? GetFullMatchRegex(string name)
    {
        var definition = Declared(name, ParameterKind.Regex);
        var text = Text(definition);
        if (text is null) return null;
        if (text.Length > MaxPatternLength)
        {
            _problems.Add($"parameter '{name}' is a pattern of {text.Length} characters; at most {MaxPatternLength} are accepted.");
            return null;
        }
        try
        {
            return new Regex($"^(?:{text})$", RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            _problems.Add($"parameter '{name}' value '{TextShortening.Shorten(text, 60)}' is not a valid regular expression ({ex.Message}); expected {definition.Accepts} (.NET syntax, matched against the whole value).");
            return null;
        }
    }

    /// <summary>Throws one exception listing every problem found so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0) throw new InvalidParameterValueException(_definition.Id, _problems.ToArray());
    }

    private ParameterDefinition Declared(string name, ParameterKind kind)
    {
        var definition = _definition.FindParameter(name)
            ?? throw new InvalidOperationException($"Rule {_definition.Id} reads parameter '{name}', which its definition does not declare.");
        if (definition.Kind != kind)
            throw new InvalidOperationException($"Rule {_definition.Id} reads parameter '{name}' as {kind}, but declares it as {definition.Kind}.");
        return definition;
    }

    private string? Text(ParameterDefinition definition)
    {
        var text = _raw.TryGetValue(definition.Name, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given.Trim()
            : definition.Default;
        return string.IsNullOrWhiteSpace(text) || text.Length > MaxValueLength ? null : text;
    }

    private T? Problem<T>(ParameterDefinition definition, string text)
    {
        _problems.Add($"parameter '{definition.Name}' value '{TextShortening.Shorten(text, 60)}' is not valid; expected {definition.Accepts}.");
        return default;
    }

}
