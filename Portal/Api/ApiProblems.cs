using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Api;

/// <summary>The API's refusals as typed problem results, each with its stable <c>code</c>.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string title, string code = ApiErrorCodes.BadRequest,
        IDictionary<string, string[]>? errors = null) =>
        Problem(StatusCodes.Status400BadRequest, title, code, errors);

    /// <summary>422 with the errors field by field, named as the client sent them ("amount", "returnUrl").</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string title = "The request has invalid fields.") =>
        Problem(StatusCodes.Status422UnprocessableEntity, title, ApiErrorCodes.ValidationFailed, errors);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, $"{what} not found.", ApiErrorCodes.NotFound);

    public static ProblemHttpResult Problem(int status, string title, string code, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    /// <summary>Field names of the domain's errors (its C# names) as the API's JSON names.</summary>
    public static Dictionary<string, string[]> Rename(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> names) =>
        errors
            .GroupBy(e => names.TryGetValue(e.Key, out var name) ? name : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
}
