using System.Text.Json;
using ConfigRules.Aws.Iam;
using ConfigRules.Aws.Lambda;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class LambdaAndIamClientTests : LoopbackClientTests
{

    [Test]
    public async Task GetFunctionConcurrency_reads_the_reserved_value_and_null_when_none_is_reserved()
    {
        Loopback.Server.Lambda.PutFunction("orders-fn", 25);
        Loopback.Server.Lambda.PutFunction("free-fn", null);
        var client = LambdaClient.Create(Loopback.Context);

        (await client.GetFunctionConcurrencyAsync("orders-fn", CancellationToken.None)).Should().Be(25);
        (await client.GetFunctionConcurrencyAsync("free-fn", CancellationToken.None)).Should().BeNull();
        var request = Loopback.Server.RequestsFor("lambda", "GetFunctionConcurrency")[0].Request;
        request.Method.Should().Be("GET");
        request.RawPath.Should().Be("/2019-09-30/functions/orders-fn/concurrency");
        request.Body.Should().BeEmpty();
    }

    [Test]
    public async Task GetFunctionConcurrency_percent_encodes_an_ARN_label_and_the_signature_still_verifies()
    {
        Loopback.Server.Lambda.PutFunction("orders-fn", 0);
        var client = LambdaClient.Create(Loopback.Context);

        var reserved = await client.GetFunctionConcurrencyAsync("arn:aws:lambda:us-east-1:123456789012:function:orders-fn", CancellationToken.None);

        reserved.Should().Be(0);
        Loopback.Server.RequestsFor("lambda")[0].Request.RawPath
            .Should().Be("/2019-09-30/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders-fn/concurrency");
    }

    [Test]
    public async Task GetFunctionConcurrency_of_an_unknown_function_is_a_typed_not_found_with_the_AWS_code()
    {
        var client = LambdaClient.Create(Loopback.Context);
        var act = () => client.GetFunctionConcurrencyAsync("ghost", CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<AwsResourceNotFoundException>()).Which;
        thrown.ErrorType.Should().Be("ResourceNotFoundException");
        thrown.Message.Should().Contain("Lambda GetFunctionConcurrency").And.Contain("404").And.Contain("Function not found");
    }

    [Test]
    public async Task GetPolicy_reads_the_policy_document_and_null_when_the_function_has_none()
    {
        const string document = """{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"*"}]}""";
        Loopback.Server.Lambda.PutPolicy("orders-fn", document);
        Loopback.Server.Lambda.PutFunction("private-fn", null);
        var client = LambdaClient.Create(Loopback.Context);

        (await client.GetPolicyAsync("orders-fn", CancellationToken.None)).Should().Be(document);
        (await client.GetPolicyAsync("private-fn", CancellationToken.None)).Should().BeNull("Lambda answers ResourceNotFoundException for a function without a policy");
        (await client.GetPolicyAsync("ghost", CancellationToken.None)).Should().BeNull("an unknown function has no policy either");
        var requests = Loopback.Server.RequestsFor("lambda", "GetPolicy");
        requests.Select(r => r.Status).Should().Equal(200, 404, 404);
        requests[0].Request.Method.Should().Be("GET");
        requests[0].Request.RawPath.Should().Be("/2015-03-31/functions/orders-fn/policy");
        requests[0].Request.Body.Should().BeEmpty();
    }

    [Test]
    public async Task GetPolicy_failures_other_than_not_found_propagate_after_the_retries()
    {
        Loopback.Server.Lambda.PutPolicy("orders-fn", "{}");
        Loopback.Server.Faults.Throttle("lambda", "GetPolicy", times: 2);
        var client = LambdaClient.Create(Loopback.Context);

        (await client.GetPolicyAsync("orders-fn", CancellationToken.None)).Should().Be("{}");
        Loopback.Server.RequestsFor("lambda", "GetPolicy").Select(r => r.Status).Should().Equal(429, 429, 200);
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
        Loopback.Server.Lambda.PutFunction("orders-fn", 3);
        Loopback.Server.Faults.Throttle("lambda", "GetFunctionConcurrency", times: 2);
        var client = LambdaClient.Create(Loopback.Context);

        (await client.GetFunctionConcurrencyAsync("orders-fn", CancellationToken.None)).Should().Be(3);
        Loopback.Server.RequestsFor("lambda").Select(r => r.Status).Should().Equal(429, 429, 200);
    }

    [Test]
    public async Task GetRole_reads_arn_name_and_boundary_over_the_global_endpoint_signed_for_us_east_1()
    {
        Loopback.Server.Iam.PutRole("fn-role", "arn:aws:iam::123456789012:policy/boundary", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        var client = IamClient.Create(Loopback.Context);

        var role = await client.GetRoleAsync("fn-role", CancellationToken.None);

        role.Should().Be(new IamRole("arn:aws:iam::123456789012:role/fn-role", "fn-role", "arn:aws:iam::123456789012:policy/boundary"));
        var request = Loopback.Server.RequestsFor("iam", "GetRole").Single().Request;
        request.BodyText.Should().Be("Action=GetRole&Version=2010-05-08&RoleName=fn-role");
        request.Header("Content-Type").Should().Be("application/x-www-form-urlencoded; charset=utf-8");
        request.Header("Authorization").Should().Contain("/us-east-1/iam/aws4_request");
    }

    [Test]
    public async Task GetRole_without_boundary_and_for_a_missing_role()
    {
        Loopback.Server.Iam.PutRole("plain");
        var client = IamClient.Create(Loopback.Context);

        (await client.GetRoleAsync("plain", CancellationToken.None))!.PermissionsBoundaryArn.Should().BeNull();
        (await client.GetRoleAsync("ghost", CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task ListAttachedRolePolicies_follows_Marker_while_IsTruncated()
    {
        Loopback.Server.Iam.PageSize = 2;
        var arns = Enumerable.Range(1, 5).Select(i => $"arn:aws:iam::aws:policy/Policy{i}").ToArray();
        Loopback.Server.Iam.PutRole("fn-role", null, arns);
        var client = IamClient.Create(Loopback.Context);

        var policies = await client.ListAttachedRolePoliciesAsync("fn-role", CancellationToken.None);

        policies.Select(p => p.PolicyArn).Should().Equal(arns);
        policies[0].PolicyName.Should().Be("Policy1");
        var calls = Loopback.Server.RequestsFor("iam", "ListAttachedRolePolicies");
        calls.Should().HaveCount(3);
        calls[1].Request.Form["Marker"].Should().Be("m2");
    }

    [Test]
    public async Task IAM_errors_are_read_from_the_XML_ErrorResponse()
    {
        Loopback.Server.Faults.Error("iam", "ListAttachedRolePolicies", 400, "InvalidInput", "Role name is bad.");
        Loopback.Server.Iam.PutRole("fn-role");
        var client = IamClient.Create(Loopback.Context);

        var act = () => client.ListAttachedRolePoliciesAsync("fn-role", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("InvalidInput");
        thrown.AwsMessage.Should().Be("Role name is bad.");
        thrown.RequestId.Should().NotBeNullOrEmpty();
    }
}
