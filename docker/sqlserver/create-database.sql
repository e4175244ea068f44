-- Run once by compose.sqlserver.yaml's sqlserver-init service (or by a DBA) before Portal's migrations.
-- READ_COMMITTED_SNAPSHOT: readers see the last committed row versions instead of waiting for writers' locks, as on
-- PostgreSQL; Portal's reads (checkout pages, dashboards) then never queue behind a payment's commit, and concurrency
-- stays decided by the version tokens on writes. Binary collations for keys and tokens are set per column by the
-- migrations; the database's own collation can stay the server default.
IF DB_ID(N'Portal') IS NULL
BEGIN
    CREATE DATABASE [Portal];
END;
GO
ALTER DATABASE [Portal] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO
ALTER DATABASE [Portal] SET ALLOW_SNAPSHOT_ISOLATION ON;
GO
SELECT name, is_read_committed_snapshot_on FROM sys.databases WHERE name = N'Portal';
GO
