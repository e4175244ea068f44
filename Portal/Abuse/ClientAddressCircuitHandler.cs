using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Abuse;

/// <summary>
/// Fills <see cref="ClientAddress"/> for a new circuit. The handler is made with the circuit's scope, inside the hub call
/// that starts the circuit, where the accessor still holds the connection's request.
/// </summary>
internal sealed class ClientAddressCircuitHandler : CircuitHandler
{
    public ClientAddressCircuitHandler(ClientAddress address, IHttpContextAccessor http)
    {
        address.Value ??= ClientAddress.Of(http.HttpContext);
    }
}
