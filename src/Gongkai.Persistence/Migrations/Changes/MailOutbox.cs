using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>The e-mail outbox: notices queued in the database, claimed with a lease, marked sent.</summary>
public abstract class MailOutbox : Migration
{
    public const string Id = "20261204000300_MailOutbox";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "mail_outbox",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", nullable: false).Identity(),
                DedupKey = table.Column<string>(name: "dedup_key", maxLength: 200, nullable: false),
                Agency = table.Column<string>(name: "agency_code", maxLength: 64, nullable: false),
                TrackingNumber = table.Column<string>(name: "tracking_number", maxLength: 64, nullable: true),
                To = table.Column<string>(name: "to_address", maxLength: 200, nullable: false),
                Subject = table.Column<string>(name: "subject", maxLength: 400, nullable: false),
                Body = table.Column<string>(name: "body", nullable: false),
                CreatedAtUtcTicks = table.Column<long>(name: "created_at_utc_ticks", nullable: false),
                NextAttemptAtUtcTicks = table.Column<long>(name: "next_attempt_at_utc_ticks", nullable: false),
                Attempts = table.Column<int>(name: "attempts", nullable: false),
                LeaseOwner = table.Column<string>(name: "lease_owner", maxLength: 64, nullable: true),
                LeaseUntilUtcTicks = table.Column<long>(name: "lease_until_utc_ticks", nullable: true),
                SentAtUtcTicks = table.Column<long>(name: "sent_at_utc_ticks", nullable: true),
                FailedAtUtcTicks = table.Column<long>(name: "failed_at_utc_ticks", nullable: true),
                LastError = table.Column<string>(name: "last_error", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_mail_outbox", x => x.Id));
        migrationBuilder.CreateIndex(name: "ix_mail_outbox_dedup_key", table: "mail_outbox", column: "dedup_key", unique: true);
        migrationBuilder.CreateIndex(name: "ix_mail_outbox_due", table: "mail_outbox", columns: ["sent_at_utc_ticks", "next_attempt_at_utc_ticks"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "mail_outbox");
    }
}

/// <summary>Registers <see cref="MailOutbox"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(MailOutbox.Id)]
internal sealed class MailOutboxSqlite : MailOutbox;

/// <summary>Registers <see cref="MailOutbox"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(MailOutbox.Id)]
internal sealed class MailOutboxPostgres : MailOutbox;
