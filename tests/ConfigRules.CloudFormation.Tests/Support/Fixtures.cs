namespace ConfigRules.CloudFormation.Tests.Support;

/// <summary>The test's own template fixtures (written from the documented formats), copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Template(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates", name);
}
