namespace Portal.Admin.Payments;

/// <summary>Streams <see cref="PaymentCsv"/> to the response as a download; nothing is buffered beyond the writer's block.</summary>
public sealed class PaymentCsvResult(IAsyncEnumerable<PaymentExportRow> rows, string fileName) : IResult
{
    public string FileName { get; } = fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        response.Headers.CacheControl = "no-store";
        await PaymentCsv.WriteAsync(response.Body, rows, httpContext.RequestAborted);
    }
}
