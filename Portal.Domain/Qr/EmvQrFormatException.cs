using Portal.Domain.Common;

namespace Portal.Domain.Qr;

/// <summary>Thrown by <see cref="EmvQrCode.Parse"/> for a payload that is not a valid EMV QR code.</summary>
public sealed class EmvQrFormatException(EmvQrProblem problem) : DomainException(problem.Message)
{
    public EmvQrProblem Problem { get; } = problem;
}
