using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Identity;

namespace Portal.Admin.Reports;

/// <summary>
/// The reports as CSV downloads, for every staff role. The merchant is the signed-in user's; the days come from the
/// query string (<c>?from=2026-11-01&amp;to=2026-11-25</c>, UTC days, both included) and are checked before anything
/// is read: a malformed, reversed or too long range is a 400 validation problem.
/// </summary>
public static class ReportEndpoints
{
    public const string SettlementCsvPath = "admin/reports/settlement.csv";
    public const string ReconciliationCsvPath = "admin/reports/reconciliation.csv";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var reports = app.MapGroup("/admin/reports")
            .RequireAuthorization(PortalPolicies.Staff)
            .WithTags("Reports")
            .ExcludeFromDescription();
        reports.MapGet("/settlement.csv", SettlementCsvAsync);
        reports.MapGet("/reconciliation.csv", ReconciliationCsvAsync);
        return app;
    }

    /// <summary>A link to a CSV download of <paramref name="period"/>, relative to the app's base.</summary>
    public static string Link(string path, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{path}?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";
    }

    public static async Task<IResult> SettlementCsvAsync(string? from, string? to, HttpContext context, SettlementReports reports)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reports);
        if (StaffMember.From(context.User) is not { } staff)
        {
            return NotStaff();
        }
        if (ReportPeriod.TryParse(from, to, out var errors) is not { } period)
        {
            return Invalid(errors);
        }
        var report = await reports.BuildAsync(staff, period, context.RequestAborted);
        return Results.Stream(body => ReportCsv.WriteSettlementAsync(body, report, context.RequestAborted),
            ReportCsv.ContentType, $"settlement-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv");
    }

    public static async Task<IResult> ReconciliationCsvAsync(string? from, string? to, HttpContext context,
        ReconciliationReports reports)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reports);
        if (StaffMember.From(context.User) is not { } staff)
        {
            return NotStaff();
        }
        if (ReportPeriod.TryParse(from, to, out var errors) is not { } period)
        {
            return Invalid(errors);
        }
        ReconciliationReport report;
        try
        {
            report = await reports.ReconcileAsync(staff, period, context.RequestAborted);
        }
        catch (DomainValidationException ex)
        {
            return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value), title: ex.Message);
        }
        catch (ReconciliationUnavailableException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: ex.Message);
        }
        return Results.Stream(body => ReportCsv.WriteReconciliationAsync(body, report, context.RequestAborted),
            ReportCsv.ContentType, $"reconciliation-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv");
    }

    // The Staff policy has let the request in, so this is a claims mismatch (a role that is not a staff role).
    private static IResult NotStaff() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a merchant's staff can read its reports.");

    private static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), title: "The report's days are not valid.");
}
