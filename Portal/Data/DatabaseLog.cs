namespace Portal.Data;

/// <summary>What Portal says about reaching and preparing its database; reasons come from <see cref="DatabaseProblem"/>.</summary>
internal static partial class DatabaseLog
{
    [LoggerMessage(EventId = 1201, EventName = "DatabaseReady", Level = LogLevel.Information,
        Message = "Portal's {Provider} database is ready; serving")]
    public static partial void Ready(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(EventId = 1202, EventName = "DatabaseUnreachable", Level = LogLevel.Error,
        Message = "{Reason} Requests get 503 until it can; Portal tries again by itself")]
    public static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 1203, EventName = "DatabaseSchemaBehind", Level = LogLevel.Critical,
        Message = "{Reason} Until then every request but /health and /metrics gets 503; Portal checks again every few seconds")]
    public static partial void SchemaBehind(ILogger logger, string reason);

    [LoggerMessage(EventId = 1204, EventName = "MigrationApplied", Level = LogLevel.Information,
        Message = "Applied migration {Migration} to Portal's {Provider} database")]
    public static partial void MigrationApplied(ILogger logger, string migration, DatabaseProvider provider);

    [LoggerMessage(EventId = 1205, EventName = "DatabaseStartFailed", Level = LogLevel.Error,
        Message = "Preparing Portal's database failed; trying again")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1206, EventName = "ProductionRefused", Level = LogLevel.Critical,
        Message = "Portal will not serve this database: {Problem}")]
    public static partial void Refused(ILogger logger, string problem);
}
