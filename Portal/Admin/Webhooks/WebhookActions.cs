using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Webhooks;

namespace Portal.Admin.Webhooks;

/// <summary>
/// An owner's webhook endpoints and their deliveries: add (the secret is returned once), change, switch off, remove,
/// roll the secret, list deliveries, redeliver. Always the signed-in owner's own merchant: another merchant's ids read
/// as not found. Endpoint changes go to the audit log; secrets never do. An endpoint's URL must lead to a public server
/// (<see cref="WebhookUrlCheck"/>); endpoints per merchant and redeliveries per minute are capped.
/// </summary>
public sealed class WebhookActions(CurrentStaff currentStaff, IDbContextFactory<PortalDbContext> contexts, WebhookSecrets secrets,
    WebhookSignal signal, IOptions<WebhookOptions> options, IAuditLog audit, TimeProvider time, WebhookUrlCheck urlCheck,
    WebhookRedeliveryLimit redeliveryLimit)
{
    public const int DeliveryPageSize = 100;

    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.MerchantId == staff.MerchantId)
            .OrderByDescending(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds an endpoint for every chosen event; returns it with its secret, which is never shown again.</summary>
    public async Task<CreatedWebhookEndpoint> CreateEndpointAsync(string url, string? description, IReadOnlyCollection<string> events)
    {
        var staff = await RequireOwnerAsync();
        var (secret, protectedSecret, hint) = secrets.Create();
        var endpoint = WebhookEndpoint.Create(staff.MerchantId, url, description, events, options.Value.AllowHttp == true,
            protectedSecret, hint, staff.Email, time.GetUtcNow());
        await urlCheck.EnsureReachableAsync(endpoint.Url);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var max = options.Value.MaxEndpointsPerMerchant;
            if (await db.WebhookEndpoints.CountAsync(e => e.MerchantId == staff.MerchantId) >= max)
            {
                throw new DomainException($"A merchant can have at most {max} webhook endpoints. Remove one you no longer use first.");
            }
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
        }
        await audit.RecordAsync(staff, AuditActions.WebhookEndpointCreated, $"Added webhook endpoint {endpoint.Url}",
            "WebhookEndpoint", endpoint.Id.ToString(), new { endpoint.Url, events = endpoint.Events });
        return new CreatedWebhookEndpoint(endpoint, secret);
    }

    public async Task<WebhookEndpoint> UpdateEndpointAsync(Guid endpointId, string url, string? description,
        IReadOnlyCollection<string> events, bool enabled)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync();
        var endpoint = await FindEndpointAsync(db, staff.MerchantId, endpointId);
        // Switching one off needs no check (it stops sending); a new address or switching back on does.
        var check = enabled && (!endpoint.Enabled || !string.Equals(endpoint.Url, url.Trim(), StringComparison.Ordinal));
        endpoint.Update(url, description, events, enabled, options.Value.AllowHttp == true);
        if (check)
        {
            await urlCheck.EnsureReachableAsync(endpoint.Url);
        }
        await SaveAsync(db);
        await audit.RecordAsync(staff, AuditActions.WebhookEndpointChanged,
            $"Changed webhook endpoint {endpoint.Url} ({(enabled ? "enabled" : "disabled")})",
            "WebhookEndpoint", endpoint.Id.ToString(), new { endpoint.Url, events = endpoint.Events, enabled });
        return endpoint;
    }

    /// <summary>
    /// A new secret, returned here once. Deliveries are signed with it from now on and, for
    /// <see cref="WebhookOptions.PreviousSecretValidFor"/>, also with the one it replaces, so the receiver can switch over.
    /// </summary>
    public async Task<string> RollSecretAsync(Guid endpointId)
    {
        var staff = await RequireOwnerAsync();
        var (secret, protectedSecret, hint) = secrets.Create();
        await using var db = await contexts.CreateDbContextAsync();
        var endpoint = await FindEndpointAsync(db, staff.MerchantId, endpointId);
        endpoint.RollSecret(protectedSecret, hint, options.Value.PreviousSecretValidFor, time.GetUtcNow());
        await SaveAsync(db);
        await audit.RecordAsync(staff, AuditActions.WebhookEndpointChanged, $"Rolled the signing secret of webhook endpoint {endpoint.Url}",
            "WebhookEndpoint", endpoint.Id.ToString(), new { previousValidUntil = endpoint.PreviousSecretExpiresAt });
        return secret;
    }

    /// <summary>Removes the endpoint with its deliveries and their attempts.</summary>
    public async Task DeleteEndpointAsync(Guid endpointId)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync();
        var endpoint = await FindEndpointAsync(db, staff.MerchantId, endpointId);
        db.WebhookEndpoints.Remove(endpoint);
        await SaveAsync(db);
        await audit.RecordAsync(staff, AuditActions.WebhookEndpointDeleted, $"Removed webhook endpoint {endpoint.Url}",
            "WebhookEndpoint", endpoint.Id.ToString(), new { endpoint.Url });
    }

    /// <summary>The newest deliveries of the owner's merchant, optionally of one status.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> ListDeliveriesAsync(WebhookDeliveryStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.MerchantId == staff.MerchantId);
        if (status is { } only)
        {
            deliveries = deliveries.Where(d => d.Status == only);
        }
        return await deliveries
            .OrderByDescending(d => d.CreatedAt)
            .Take(DeliveryPageSize)
            .Join(db.WebhookEndpoints, d => d.EndpointId, e => e.Id, (d, e) => new DeliveryRow(d.Id, d.EventId, d.EventType,
                e.Url, d.Status, d.LastStatusCode, d.LastError, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One more attempt now, of the same event with the same id, whatever the delivery's state.</summary>
    public async Task RedeliverAsync(Guid deliveryId)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync();
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.MerchantId == staff.MerchantId)
            ?? throw new NotFoundException("Delivery");
        if (!await redeliveryLimit.TryTakeAsync(staff.MerchantId))
        {
            throw new DomainException(
                $"That is {options.Value.RedeliveriesPerMinute} redeliveries this minute, the most Portal sends on request. Try again in a minute.");
        }
        delivery.Redeliver(time.GetUtcNow());
        await SaveAsync(db);
        signal.Nudge();
    }

    private static async Task<WebhookEndpoint> FindEndpointAsync(PortalDbContext db, Guid merchantId, Guid endpointId) =>
        await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId && e.MerchantId == merchantId)
        ?? throw new NotFoundException("Webhook endpoint");

    private static async Task SaveAsync(PortalDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The webhook endpoint or delivery was changed meanwhile.", ex);
        }
    }

    private async Task<Identity.StaffMember> RequireOwnerAsync()
    {
        var staff = await currentStaff.GetAsync();
        return staff.CanManageMerchant ? staff : throw new ForbiddenException("Only an owner manages webhooks.");
    }
}
