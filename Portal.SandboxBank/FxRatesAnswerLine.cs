namespace Portal.SandboxBank;

/// <summary>One published mid rate: the value of one unit of <see cref="Currency"/> in the base currency, invariant digits.</summary>
public sealed record FxRatesAnswerLine(string Currency, string Mid);
