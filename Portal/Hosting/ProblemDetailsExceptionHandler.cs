using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;

namespace Portal.Hosting;

/// <summary>
/// Turns the domain's refusals into RFC 7807 answers for HTTP callers: bad input 422 with field errors, not found 404,
/// a lost race 409. Anything else stays a bare 500 without a stack trace.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request has invalid fields.",
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = notFound.Message },
            CheckoutClosedException closed => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = closed.Message,
                Extensions = { ["code"] = closed.Reason.Code },
            },
            ConcurrencyConflictException or InvalidTransitionException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed by another request. Reload it and try again.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
