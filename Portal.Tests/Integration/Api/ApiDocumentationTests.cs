using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Portal.Api.Keys;
using Portal.Domain.ApiKeys;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>
/// The OpenAPI document and the Scalar reference as a client's developer fetches them from the running app. The routes
/// it must list are read from the app's own endpoints, so a route added later is checked without touching this test.
/// </summary>
public sealed class ApiDocumentationTests(ApiDocumentationTests.Fixture fixture) : IClassFixture<ApiDocumentationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new();

        public string Json { get; private set; } = "";

        public JsonElement Document { get; private set; }

        public async Task InitializeAsync()
        {
            using var client = new HttpClient { BaseAddress = App.BaseAddress };
            Json = await client.GetStringAsync("openapi/v1.json");
            Document = JsonDocument.Parse(Json).RootElement;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static readonly string[] HttpMethodsInOrder = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public void Document_ParsedByOpenApiReader_HasNoErrors()
    {
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(fixture.Json, OpenApiConstants.Json, settings);

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.1", fixture.Document.GetProperty("openapi").GetString());
    }

    [Fact]
    public void Document_ListsEveryApiRouteAndNothingElse()
    {
        var documented = Operations().Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order().ToList();

        Assert.Equal(ApiRoutes().Select(r => $"{r.Method} {r.Path}").Order().ToList(), documented);
    }

    [Fact]
    public void Document_DeclaresTheBearerScheme()
    {
        var scheme = fixture.Document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiKeyDefaults.Scheme);

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public void EveryOperation_RequiresTheBearerSchemeWithTheScopesItsRouteEnforces()
    {
        var wrong = new List<string>();
        foreach (var route in ApiRoutes())
        {
            var operation = Operation(route.Method, route.Path);
            var scopes = operation.GetProperty("security").EnumerateArray()
                .SelectMany(r => r.TryGetProperty(ApiKeyDefaults.Scheme, out var s) ? s.EnumerateArray().Select(x => x.GetString()!) : [])
                .Order().ToList();
            var hasScheme = operation.GetProperty("security").EnumerateArray().Any(r => r.TryGetProperty(ApiKeyDefaults.Scheme, out _));
            if (!hasScheme || !scopes.SequenceEqual(route.Scopes.Order()))
            {
                wrong.Add($"{route.Method} {route.Path}: documented [{string.Join(", ", scopes)}], enforced [{string.Join(", ", route.Scopes)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void EveryOperation_HasAnExampleOfItsSuccessfulAnswer()
    {
        var missing = Operations()
            .Where(o => !o.Operation.GetProperty("responses").EnumerateObject()
                .Any(r => r.Name.StartsWith('2') && Examples(r.Value).Any()))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();

        Assert.True(missing.Count == 0, "No success example: " + string.Join(", ", missing));
    }

    [Fact]
    public void PaymentAndRefundExamples_ShowAPayerInAnotherCurrency()
    {
        var payment = Examples(Operation("GET", "/api/v1/payments/{id}").GetProperty("responses").GetProperty("200"))
            .Single(e => e.GetProperty("conversion").ValueKind == JsonValueKind.Object).GetProperty("conversion");
        var refund = Examples(Operation("GET", "/api/v1/refunds/{id}").GetProperty("responses").GetProperty("200"))
            .Single(e => e.GetProperty("payerAmount").ValueKind == JsonValueKind.String);
        var paymentSchema = fixture.Document.GetProperty("components").GetProperty("schemas").GetProperty("PaymentResource");

        Assert.Equal(("USD", "21.13", "0.15", "0.139863"), (payment.GetProperty("payerCurrency").GetString(),
            payment.GetProperty("payerAmount").GetString(), payment.GetProperty("fee").GetString(), payment.GetProperty("rate").GetString()));
        Assert.Equal(("7.04", "USD"), (refund.GetProperty("payerAmount").GetString(), refund.GetProperty("payerCurrency").GetString()));
        Assert.True(paymentSchema.GetProperty("properties").TryGetProperty("conversion", out _));
    }

    [Fact]
    public void EveryPost_HasARequestExampleAndTheIdempotencyKeyHeader()
    {
        var wrong = new List<string>();
        foreach (var (method, path, operation) in Operations().Where(o => o.Method == "post"))
        {
            if (operation.TryGetProperty("requestBody", out var body) && !Examples(body).Any())
            {
                wrong.Add($"{path}: no request example");
            }
            var header = operation.GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "header")
                .Select(p => p.GetProperty("name").GetString())
                .FirstOrDefault(n => string.Equals(n, "Idempotency-Key", StringComparison.OrdinalIgnoreCase));
            if (header is null)
            {
                wrong.Add($"{path}: no Idempotency-Key header");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void EveryOperation_DocumentsItsErrorsAsProblemsWithACode()
    {
        var wrong = new List<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var responses = operation.GetProperty("responses");
            var expected = new List<string> { "401", "429" };
            if (path.Contains('{'))
            {
                expected.Add("404");
            }
            if (method == "post")
            {
                expected.AddRange(["409", "422"]);
            }
            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status, out var response) ||
                    !response.GetProperty("content").TryGetProperty("application/problem+json", out var problem) ||
                    !problem.GetProperty("example").TryGetProperty("code", out _))
                {
                    wrong.Add($"{method} {path}: {status} without a problem example with a code");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task CreateCheckoutExample_SentToTheApi_IsAcceptedAndAnsweredInTheDocumentedShape()
    {
        var operation = Operation("POST", "/api/v1/checkouts");
        var request = JsonNode.Parse(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetRawText())!;
        // The example's expiry is a fixed date; the API rightly refuses one in the past.
        request["expiresAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        var documented = operation.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")
            .GetProperty("example");
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.CheckoutsWrite);
        using var client = ApiKeyIssuer.Client(fixture.App, secret);
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/v1/checkouts")
        {
            Content = new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(documented.EnumerateObject().Select(p => p.Name).Order(), answer.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ScalarReference_Answers200Html()
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };

        using var response = await client.GetAsync("scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ScalarReference_ServesItsScriptItself_SoItWorksOffline()
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var html = await client.GetStringAsync("scalar/");

        Assert.DoesNotContain("cdn.jsdelivr.net", html);
        using var script = await client.GetAsync("scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    // The API's own contract, written out: a client generated from the document must get these types.
    private static readonly Dictionary<string, Dictionary<string, (JsonSchemaType Type, string? Format, string[]? Values)>> ListParameters = new()
    {
        ["/api/v1/checkouts"] = new()
        {
            ["status"] = (JsonSchemaType.String, null, ["open", "paid", "expired", "cancelled"]),
            ["reference"] = (JsonSchemaType.String, null, null),
        },
        ["/api/v1/payments"] = new()
        {
            ["status"] = (JsonSchemaType.String, null, ["started", "processing", "succeeded", "failed", "abandoned"]),
            ["method"] = (JsonSchemaType.String, null, ["real_time", "fast"]),
            ["checkoutId"] = (JsonSchemaType.String, "uuid", null),
        },
    };

    [Fact]
    public void EveryListEndpoint_DocumentsItsQueryParametersWithTheirRealTypes()
    {
        var document = OpenApiDocument.Parse(fixture.Json, OpenApiConstants.Json, new OpenApiReaderSettings()).Document!;
        var lists = document.Paths
            .Where(p => !p.Key.Contains('{') && p.Value.Operations?.ContainsKey(HttpMethod.Get) == true)
            .Select(p => (p.Key, Operation: p.Value.Operations![HttpMethod.Get]))
            .Where(p => p.Operation.Parameters?.Any(q => q.In == ParameterLocation.Query) == true)
            .ToDictionary(p => p.Key, p => p.Operation);
        Assert.Equal(ListParameters.Keys.Order(), lists.Keys.Order());

        var wrong = new List<string>();
        foreach (var (path, operation) in lists)
        {
            var expected = new Dictionary<string, (JsonSchemaType Type, string? Format, string[]? Values)>(ListParameters[path])
            {
                ["limit"] = (JsonSchemaType.Integer, "int32", null),
                ["cursor"] = (JsonSchemaType.String, null, null),
                ["createdFrom"] = (JsonSchemaType.String, "date-time", null),
                ["createdTo"] = (JsonSchemaType.String, "date-time", null),
            };
            var documented = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query).ToDictionary(p => p.Name!);
            if (!documented.Keys.Order().SequenceEqual(expected.Keys.Order()))
            {
                wrong.Add($"{path}: parameters {string.Join(", ", documented.Keys.Order())}");
                continue;
            }
            foreach (var (name, (type, format, values)) in expected)
            {
                var schema = documented[name].Schema!;
                var enumValues = schema.Enum?.Select(v => v.GetValue<string>()).ToArray();
                if (schema.Type != type || schema.Format != format ||
                    (values is null ? enumValues is { Length: > 0 } : enumValues is null || !enumValues.SequenceEqual(values)))
                {
                    wrong.Add($"{path} {name}: {schema.Type} {schema.Format} [{string.Join(", ", enumValues ?? [])}]");
                }
            }
            var limit = documented["limit"].Schema!;
            if (limit.Minimum != "1" || limit.Maximum != "100")
            {
                wrong.Add($"{path} limit: from {limit.Minimum} to {limit.Maximum}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private IEnumerable<(string Method, string Path, JsonElement Operation)> Operations() =>
        fixture.Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => HttpMethodsInOrder.Contains(o.Name))
                .Select(o => (o.Name, path.Name, o.Value)));

    private JsonElement Operation(string method, string path) =>
        fixture.Document.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());

    // One "example", or named "examples" whose values are the examples.
    private static IEnumerable<JsonElement> Examples(JsonElement withContent) =>
        withContent.TryGetProperty("content", out var content)
            ? content.EnumerateObject().SelectMany(m =>
                m.Value.TryGetProperty("example", out var one) ? [one]
                : m.Value.TryGetProperty("examples", out var named) ? named.EnumerateObject().Select(e => e.Value.GetProperty("value"))
                : Enumerable.Empty<JsonElement>())
            : [];

    // "/api/v1/payments/{id:guid}" is documented as "/api/v1/payments/{id}", and a group's "/checkouts/" as "/checkouts".
    private static string WithoutConstraints(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:?=]+)[^}]*\}", "{$1}").TrimEnd('/');

    /// <summary>Every route the app maps under /api/v1, with the scopes its policies enforce.</summary>
    private List<(string Method, string Path, IReadOnlyList<string> Scopes)> ApiRoutes() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Method: method,
                Path: WithoutConstraints(e.RoutePattern.RawText!),
                Scopes: (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Select(a => ApiScope.Each.Select(s => s.Name).FirstOrDefault(n => a.Policy == "api:" + n))
                    .OfType<string>().Distinct().ToList())))
            .ToList();
}
