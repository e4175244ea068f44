using Portal.Api.Lists;
using Portal.Domain.Payments;

namespace Portal.Api.Payments;

/// <summary>What a payment list asks for, checked.</summary>
public sealed record PaymentListFilter(PaymentStatus? Status, PaymentMethod? Method, Guid? CheckoutId, ListQuery Page);
