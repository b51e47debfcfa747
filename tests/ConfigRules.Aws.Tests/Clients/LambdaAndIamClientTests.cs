using System.Text.Json;
using ConfigRules.Aws.Iam;
using ConfigRules.Aws.Lambda;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class LambdaAndIamClientTests
{
    private LoopbackClients _loopback = null!;

    [SetUp]
    public void SetUp() => _loopback = LoopbackClients.Start();

    [TearDown]
    public async Task TearDown() => await _loopback.DisposeAsync();

    [Test]
    public async Task GetFunctionConcurrency_reads_the_reserved_value_and_null_when_none_is_reserved()
    {
        _loopback.Server.Lambda.PutFunction("orders-fn", 25);
        _loopback.Server.Lambda.PutFunction("free-fn", null);
        var client = LambdaClient.Create(_loopback.Context);

        (await client.GetFunctionConcurrencyAsync("orders-fn", CancellationToken.None)).Should().Be(25);
        (await client.GetFunctionConcurrencyAsync("free-fn", CancellationToken.None)).Should().BeNull();
        var request = _loopback.Server.RequestsFor("lambda", "GetFunctionConcurrency")[0].Request;
        request.Method.Should().Be("GET");
        request.RawPath.Should().Be("/2019-09-30/functions/orders-fn/concurrency");
        request.Body.Should().BeEmpty();
    }

    [Test]
    public async Task GetFunctionConcurrency_percent_encodes_an_ARN_label_and_the_signature_still_verifies()
    {
        _loopback.Server.Lambda.PutFunction("orders-fn", 0);
        var client = LambdaClient.Create(_loopback.Context);

        var reserved = await client.GetFunctionConcurrencyAsync("arn:aws:lambda:us-east-1:123456789012:function:orders-fn", CancellationToken.None);

        reserved.Should().Be(0);
        _loopback.Server.RequestsFor("lambda")[0].Request.RawPath
            .Should().Be("/2019-09-30/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders-fn/concurrency");
    }

    [Test]
    public async Task GetFunctionConcurrency_of_an_unknown_function_is_a_typed_not_found_with_the_AWS_code()
    {
        var client = LambdaClient.Create(_loopback.Context);
        var act = () => client.GetFunctionConcurrencyAsync("ghost", CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<AwsResourceNotFoundException>()).Which;
        thrown.ErrorType.Should().Be("ResourceNotFoundException");
        thrown.Message.Should().Contain("Lambda GetFunctionConcurrency").And.Contain("404").And.Contain("Function not found");
    }

    [Test]
    public async Task GetPolicy_reads_the_policy_document_and_null_when_the_function_has_none()
    {
        const string document = """{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"*"}]}""";
        _loopback.Server.Lambda.PutPolicy("orders-fn", document);
        _loopback.Server.Lambda.PutFunction("private-fn", null);
        var client = LambdaClient.Create(_loopback.Context);

        (await client.GetPolicyAsync("orders-fn", CancellationToken.None)).Should().Be(document);
        (await client.GetPolicyAsync("private-fn", CancellationToken.None)).Should().BeNull("Lambda answers ResourceNotFoundException for a function without a policy");
        (await client.GetPolicyAsync("ghost", CancellationToken.None)).Should().BeNull("an unknown function has no policy either");
        var requests = _loopback.Server.RequestsFor("lambda", "GetPolicy");
        requests.Select(r => r.Status).Should().Equal(200, 404, 404);
        requests[0].Request.Method.Should().Be("GET");
        requests[0].Request.RawPath.Should().Be("/2015-03-31/functions/orders-fn/policy");
        requests[0].Request.Body.Should().BeEmpty();
    }

    [Test]
    public async Task GetPolicy_failures_other_than_not_found_propagate_after_the_retries()
    {
        _loopback.Server.Lambda.PutPolicy("orders-fn", "{}");
        _loopback.Server.Faults.Throttle("lambda", "GetPolicy", times: 2);
        var client = LambdaClient.Create(_loopback.Context);

        (await client.GetPolicyAsync("orders-fn", CancellationToken.None)).Should().Be("{}");
        _loopback.Server.RequestsFor("lambda", "GetPolicy").Select(r => r.Status).Should().Equal(429, 429, 200);
    }

    [Test]
    [Category(ReferenceKit.Category)]
    public void GetPolicy_matches_the_Lambda_service_model()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(ReferenceKit.Require("aws-models", "lambda", "service-2.json")));
        var root = model.RootElement;
        root.GetProperty("metadata").GetProperty("protocol").GetString().Should().Be("rest-json");
        var operation = root.GetProperty("operations").GetProperty("GetPolicy");
        operation.GetProperty("http").GetProperty("method").GetString().Should().Be("GET");
        operation.GetProperty("http").GetProperty("requestUri").GetString().Should().Be("/2015-03-31/functions/{FunctionName}/policy");
        operation.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("shape").GetString()).Should().Contain("ResourceNotFoundException");
        var output = root.GetProperty("shapes").GetProperty(operation.GetProperty("output").GetProperty("shape").GetString()!).GetProperty("members");
        output.EnumerateObject().Select(m => m.Name).Should().Contain(["Policy", "RevisionId"]);
        output.GetProperty("Policy").GetProperty("shape").GetString().Should().Be("String", "the document arrives as JSON text");
    }

    [Test]
    public async Task Lambda_429_throttling_is_retried()
    {
        _loopback.Server.Lambda.PutFunction("orders-fn", 3);
        _loopback.Server.Faults.Throttle("lambda", "GetFunctionConcurrency", times: 2);
        var client = LambdaClient.Create(_loopback.Context);

        (await client.GetFunctionConcurrencyAsync("orders-fn", CancellationToken.None)).Should().Be(3);
        _loopback.Server.RequestsFor("lambda").Select(r => r.Status).Should().Equal(429, 429, 200);
    }

    [Test]
    public async Task GetRole_reads_arn_name_and_boundary_over_the_global_endpoint_signed_for_us_east_1()
    {
        _loopback.Server.Iam.PutRole("fn-role", "arn:aws:iam::123456789012:policy/boundary", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        var client = IamClient.Create(_loopback.Context);

        var role = await client.GetRoleAsync("fn-role", CancellationToken.None);

        role.Should().Be(new IamRole("arn:aws:iam::123456789012:role/fn-role", "fn-role", "arn:aws:iam::123456789012:policy/boundary"));
        var request = _loopback.Server.RequestsFor("iam", "GetRole").Single().Request;
        request.BodyText.Should().Be("Action=GetRole&Version=2010-05-08&RoleName=fn-role");
        request.Header("Content-Type").Should().Be("application/x-www-form-urlencoded; charset=utf-8");
        request.Header("Authorization").Should().Contain("/us-east-1/iam/aws4_request");
    }

    [Test]
    public async Task GetRole_without_boundary_and_for_a_missing_role()
    {
        _loopback.Server.Iam.PutRole("plain");
        var client = IamClient.Create(_loopback.Context);

        (await client.GetRoleAsync("plain", CancellationToken.None))!.PermissionsBoundaryArn.Should().BeNull();
        (await client.GetRoleAsync("ghost", CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task ListAttachedRolePolicies_follows_Marker_while_IsTruncated()
    {
        _loopback.Server.Iam.PageSize = 2;
        var arns = Enumerable.Range(1, 5).Select(i => $"arn:aws:iam::aws:policy/Policy{i}").ToArray();
        _loopback.Server.Iam.PutRole("fn-role", null, arns);
        var client = IamClient.Create(_loopback.Context);

        var policies = await client.ListAttachedRolePoliciesAsync("fn-role", CancellationToken.None);

        policies.Select(p => p.PolicyArn).Should().Equal(arns);
        policies[0].PolicyName.Should().Be("Policy1");
        var calls = _loopback.Server.RequestsFor("iam", "ListAttachedRolePolicies");
        calls.Should().HaveCount(3);
        calls[1].Request.Form["Marker"].Should().Be("m2");
    }

    [Test]
    public async Task IAM_errors_are_read_from_the_XML_ErrorResponse()
    {
        _loopback.Server.Faults.Error("iam", "ListAttachedRolePolicies", 400, "InvalidInput", "Role name is bad.");
        _loopback.Server.Iam.PutRole("fn-role");
        var client = IamClient.Create(_loopback.Context);

        var act = () => client.ListAttachedRolePoliciesAsync("fn-role", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("InvalidInput");
        thrown.AwsMessage.Should().Be("Role name is bad.");
        thrown.RequestId.Should().NotBeNullOrEmpty();
    }
}
