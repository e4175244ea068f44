using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;

namespace Portal.Hosting;

/// <summary>
/// Turns the domain's refusals into RFC 7807 answers for HTTP callers: bad input 422 with field errors, not found 404,
/// a lost race 409, a
/// refusal 403 or 422. Anything else is a 500 without a stack trace.
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
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = forbidden.Message },
            DomainException refused => new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = refused.Message },
            // An API client gets problem details for the unexpected too (the browser's error page means nothing to it),
            // with nothing of the exception in it.
            _ when context.Request.Path.StartsWithSegments(Api.ApiExtensions.BasePath) => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side. The request may be retried with the same Idempotency-Key.",
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
