namespace Portal.StaffAccess;

internal static partial class StaffAccessLog
{
    [LoggerMessage(EventId = 9301, EventName = "StaffHubConnectionDropped", Level = LogLevel.Information,
        Message = "A live-updates connection of user {UserId} watching merchant {MerchantId} was dropped: their access changed.")]
    public static partial void HubConnectionDropped(ILogger logger, string userId, Guid merchantId);

    [LoggerMessage(EventId = 9302, EventName = "StaffAccessRecheckFailed", Level = LogLevel.Warning,
        Message = "Staff access could not be checked against the database; trying again.")]
    public static partial void RecheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9303, EventName = "StaffCircuitRecheckFailed", Level = LogLevel.Warning,
        Message = "An open admin page of user {UserId} could not be re-checked after their access changed.")]
    public static partial void CircuitRecheckFailed(ILogger logger, string userId, Exception exception);
}
