using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Integration.Operations;

/// <summary>A loopback port nothing listens on: taken from the system, then let go.</summary>
public static class UnusedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
