using Portal.Api.Lists;
using Portal.Domain.Checkouts;

namespace Portal.Api.Checkouts;

/// <summary>What a checkout list asks for, checked.</summary>
public sealed record CheckoutListFilter(CheckoutStatus? Status, string? Reference, ListQuery Page);
