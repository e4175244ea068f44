using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Portal.Data;

namespace Portal.KeyRing;

/// <summary>
/// The key ring's store in the database, refusing at once while the database is known to be unreachable or without its
/// tables. Without it, the framework's warm-up of the key ring, which runs before Portal listens, would sit through EF's
/// retries (about a minute) against a database that is down, and Portal would not even answer 503 meanwhile. Nothing
/// else reads the ring before the database is ready: requests are held at the gate, background work waits.
/// </summary>
internal sealed class ReachableKeyRepository(IXmlRepository database, DatabaseStatus status) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureReachable();
        return database.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureReachable();
        database.StoreElement(element, friendlyName);
    }

    private void EnsureReachable()
    {
        if (status.State is DatabaseState.Unreachable or DatabaseState.SchemaBehind)
        {
            throw new InvalidOperationException($"The key ring is in Portal's database, which is not ready yet: {status.Reason}");
        }
    }
}
