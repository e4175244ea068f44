using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Portal.Api.Documentation;

/// <summary>
/// The shape of every API error as the OpenAPI document describes it: RFC 7807 problem details plus Portal's
/// <c>code</c> and, for invalid fields, <c>errors</c>. The answers themselves are written by the problem details
/// service; this record only documents them and builds the examples.
/// </summary>
[Description("An RFC 7807 problem: branch on `code`, show `title`, and `errors` beside the fields it names.")]
public sealed record ApiProblem(
    [property: Description("A URI reference for the kind of problem (RFC 9110 section link).")] string Type,
    [property: Description("What went wrong, in words for people.")] string Title,
    [property: Description("The HTTP status code.")] int Status,
    [property: Description("A stable, machine-readable code: `unauthorized`, `insufficient_scope`, `not_found`, `conflict`, `validation_failed`, `idempotency_key_required`, `idempotency_key_reused`, `idempotency_key_in_flight`, `rate_limited`, …")] string Code,
    [property: Description("For invalid input: each field's messages, by field name."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Description("More about this occurrence."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: Description("Quote it when asking for support."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null);
