namespace Portal.Admin.Links;

/// <summary>How long a new payment link stays open.</summary>
public enum ExpiryChoice
{
    OneHour,
    OneDay,
    SevenDays,
    ThirtyDays,
    Custom,
}
