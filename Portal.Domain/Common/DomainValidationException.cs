namespace Portal.Domain.Common;

/// <summary>
/// Input that the domain refuses, field by field, so that a form can show each message beside its field
/// and an HTTP endpoint can answer with a validation problem. Nothing has been written when it is thrown.
/// </summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
