namespace Portal.Admin.Payments;

/// <summary>The CSV export's log events: how many rows each download carried, and whether its client stayed for them all.</summary>
internal static partial class PaymentExportLog
{
    [LoggerMessage(EventId = 3152, EventName = "PaymentExportFinished", Level = LogLevel.Information,
        Message = "Payment export finished: {Rows} rows written")]
    public static partial void Finished(ILogger logger, int rows);

    [LoggerMessage(EventId = 3153, EventName = "PaymentExportAbandoned", Level = LogLevel.Information,
        Message = "Payment export stopped after {Rows} rows: the client hung up")]
    public static partial void Abandoned(ILogger logger, int rows);
}
