namespace Portal.Admin.Payments;

/// <summary>Where one of the seven steps stands for a payment.</summary>
public enum StepState
{
    /// <summary>Completed at a recorded instant.</summary>
    Done,

    /// <summary>Not reached yet; the payment is still moving.</summary>
    Pending,

    /// <summary>The step the payment failed at.</summary>
    Failed,

    /// <summary>Never reached: the payment ended (failed or abandoned) before it.</summary>
    Skipped,
}
