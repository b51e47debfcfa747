using System.Text.RegularExpressions;

namespace ConfigRules.Rules.LambdaHandlerName;

/// <summary>A language family's conventional handler shape, for when no <c>handlerPattern</c> is given.</summary>
public sealed record HandlerConvention(string Family, string Shape, Regex Pattern);

/// <summary>
/// The conventional handler shapes by runtime family (documented in README.md). The patterns are fixed and
/// free of nested quantifiers, so they cannot backtrack badly; they still carry a timeout like every pattern.
/// </summary>
public static partial class HandlerConventions
{
    private static readonly HandlerConvention NodeJs = new("Node.js", "file.function, optionally in folders (src/handlers/orders.handler)", ScriptFileFunction());
    private static readonly HandlerConvention Python = new("Python", "module.function, optionally in folders or packages (app.lambda_handler)", ScriptFileFunction());
    private static readonly HandlerConvention DotNet = new(".NET", "Assembly::Namespace.Type::Method", DotNetMethod());
    private static readonly HandlerConvention Java = new("Java", "package.Class or package.Class::method", JavaClass());
    private static readonly HandlerConvention Ruby = new("Ruby", "file.method, optionally in folders or as file.Module::Class.method", RubyMethod());
    private static readonly HandlerConvention OsOnly = new("OS-only (provided, go1.x)", "anything non-empty", NonEmpty());

    /// <summary>The convention for a runtime identifier, or null when the family is not one the rule knows.</summary>
    public static HandlerConvention? ForRuntime(string runtime)
    {
        if (runtime.StartsWith("nodejs", StringComparison.Ordinal)) return NodeJs;
        if (runtime.StartsWith("python", StringComparison.Ordinal)) return Python;
        if (runtime.StartsWith("dotnet", StringComparison.Ordinal)) return DotNet;
        if (runtime.StartsWith("java", StringComparison.Ordinal)) return Java;
        if (runtime.StartsWith("ruby", StringComparison.Ordinal)) return Ruby;
        if (runtime.StartsWith("provided", StringComparison.Ordinal) || runtime.StartsWith("go", StringComparison.Ordinal)) return OsOnly;
        return null;
    }

    private const int TimeoutMs = 200;

    // Folders, a file or module name, then one or more dotted names (Node.js may export nested objects,
    // Python may name a package path).
    [GeneratedRegex(@"^(?:[A-Za-z0-9_\-]+/)*[A-Za-z0-9_\-]+(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ScriptFileFunction();

    // Assembly::Namespace.Type::Method; the type may be nested (Outer+Inner).
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*::[A-Za-z_][A-Za-z0-9_]*(?:[.+][A-Za-z_][A-Za-z0-9_]*)*::[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DotNetMethod();

    // package.Class or package.Class::method; nested classes use $.
    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*(?:::[A-Za-z_$][A-Za-z0-9_$]*)?$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex JavaClass();

    // file.method or file.Module::Class.method; Ruby method names may end in ? or !.
    [GeneratedRegex(@"^(?:[A-Za-z0-9_\-]+/)*[A-Za-z0-9_\-]+\.(?:[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)*\.)?[A-Za-z_][A-Za-z0-9_]*[?!]?$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RubyMethod();

    // Lambda's own constraint on any handler: no whitespace.
    [GeneratedRegex(@"^\S+$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NonEmpty();
}
