using ConfigRules.Aws.Signing;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Signing;

/// <summary>
/// The official SigV4 suite (awslabs/aws-c-auth) from the reference kit: every case, header-signed and
/// query-signed (presigned), checked at each step: canonical request, string to sign, signature.
/// </summary>
[Category(ReferenceKit.Category)]
public sealed class SigV4SuiteTests
{
    private const string SuiteFolder = "testdata/sigv4";

    private static List<string> Cases()
    {
        var cases = ReferenceKit.ListOrEmpty(SuiteFolder, directories: true).ToList();
        // Where the kit is absent one placeholder case runs and is marked Ignored by Require.
        return cases.Count > 0 ? cases : ["(reference kit absent)"];
    }

    private static SigV4SuiteCase Load(string name) => new(ReferenceKit.Require("testdata", "sigv4", name));

    [TestCaseSource(nameof(Cases))]
    public void Header_signing_matches_canonical_request_string_to_sign_and_signature(string name)
    {
        var suite = Load(name);

        var result = SigV4Signer.Sign(suite.Request, suite.Credentials, suite.Region, suite.Service, suite.Timestamp, suite.Options);

        result.CanonicalRequest.Should().Be(suite.Expected("header-canonical-request.txt"));
        result.StringToSign.Should().Be(suite.Expected("header-string-to-sign.txt"));
        result.Signature.Should().Be(suite.Expected("header-signature.txt"));
        var authorization = result.HeadersToAdd.Single(h => h.Key == SigV4Signer.AuthorizationHeader).Value;
        suite.Expected("header-signed-request.txt").Should().Contain("Authorization:" + authorization);
    }

    [TestCaseSource(nameof(Cases))]
    public void Query_signing_matches_canonical_request_string_to_sign_and_signature(string name)
    {
        var suite = Load(name);

        var (query, result) = SigV4Presigner.Presign(
            suite.Request, suite.Credentials, suite.Region, suite.Service, suite.Timestamp, suite.Expires, suite.Options);

        result.CanonicalRequest.Should().Be(suite.Expected("query-canonical-request.txt"));
        result.StringToSign.Should().Be(suite.Expected("query-string-to-sign.txt"));
        result.Signature.Should().Be(suite.Expected("query-signature.txt"));
        var expectedLine = suite.Expected("query-signed-request.txt").Split('\n')[0];
        var expectedQuery = expectedLine[(expectedLine.IndexOf('?', StringComparison.Ordinal) + 1)..expectedLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        Parameters(query).Should().BeEquivalentTo(Parameters(expectedQuery));
    }

    [Test]
    public void The_suite_has_the_cases_it_is_known_for()
    {
        ReferenceKit.Require("testdata", "sigv4");
        Cases().Should().Contain(["get-vanilla", "get-vanilla-with-session-token", "post-sts-header-after", "post-x-www-form-urlencoded-parameters"]);
    }

    private static IEnumerable<string> Parameters(string query) => query.Split('&').Order(StringComparer.Ordinal);
}
