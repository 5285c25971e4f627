using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Registry;

/// <summary>One item of the 政府信息公开目录 (enums stored as their integer values; dates as dates).</summary>
public sealed class RegistryDocumentRow
{
    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>索引号, unique, never changed.</summary>
    public string IndexNumber { get; set; } = string.Empty;

    /// <summary>The scheme that made the number, or <c>imported</c>.</summary>
    public string IndexScheme { get; set; } = string.Empty;

    /// <summary>信息名称.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>发布机构.</summary>
    public string Publisher { get; set; } = string.Empty;

    /// <summary>文号 (发文字号).</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>规范性文件登记号 (e.g. HFGS—2017—9).</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>主题分类, <c>第一级\第二级</c>.</summary>
    public string? Topic { get; set; }

    public int Category { get; set; }

    /// <summary>成文日期 (formed).</summary>
    public DateOnly FormedOn { get; set; }

    /// <summary>发布日期, once published.</summary>
    public DateOnly? PublishedOn { get; set; }

    public int Validity { get; set; }

    public DateOnly? AmendedOn { get; set; }

    public DateOnly? RepealedOn { get; set; }

    public DateOnly? ExpiredOn { get; set; }

    /// <summary>A recorded change (条例第二十六条: the 20 working days start again).</summary>
    public DateOnly? ChangedOn { get; set; }

    public int DisclosureMode { get; set; }

    /// <summary>不予公开的理由和法律依据.</summary>
    public string? WithheldGround { get; set; }

    public string Body { get; set; } = string.Empty;

    public int State { get; set; }

    public string Author { get; set; } = string.Empty;

    public string? AttributeReviewer { get; set; }

    public long? AmendsId { get; set; }

    public long? RepealsId { get; set; }

    /// <summary>For a 政策解读: the document it interprets.</summary>
    public long? InterpretsId { get; set; }

    /// <summary>Columns of an import that have no field of their own, as a JSON object (kept, shown on the page).</summary>
    public string? ExtraJson { get; set; }

    public long CreatedAtUtcTicks { get; set; }

    public int Version { get; set; }
}

internal sealed class RegistryDocumentConfiguration : IEntityTypeConfiguration<RegistryDocumentRow>
{
    public void Configure(EntityTypeBuilder<RegistryDocumentRow> e)
    {
        e.ToTable("registry_documents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.IndexNumber).HasColumnName("index_number").HasMaxLength(64);
        e.Property(x => x.IndexScheme).HasColumnName("index_scheme").HasMaxLength(100);
        e.Property(x => x.Title).HasColumnName("title").HasMaxLength(500);
        e.Property(x => x.Publisher).HasColumnName("publisher").HasMaxLength(200);
        e.Property(x => x.DocumentNumber).HasColumnName("document_number").HasMaxLength(100);
        e.Property(x => x.RegistrationNumber).HasColumnName("registration_number").HasMaxLength(100);
        e.Property(x => x.Topic).HasColumnName("topic").HasMaxLength(100);
        e.Property(x => x.Category).HasColumnName("category");
        e.Property(x => x.FormedOn).HasColumnName("formed_on");
        e.Property(x => x.PublishedOn).HasColumnName("published_on");
        e.Property(x => x.Validity).HasColumnName("validity");
        e.Property(x => x.AmendedOn).HasColumnName("amended_on");
        e.Property(x => x.RepealedOn).HasColumnName("repealed_on");
        e.Property(x => x.ExpiredOn).HasColumnName("expired_on");
        e.Property(x => x.ChangedOn).HasColumnName("changed_on");
        e.Property(x => x.DisclosureMode).HasColumnName("disclosure_mode");
        e.Property(x => x.WithheldGround).HasColumnName("withheld_ground");
        e.Property(x => x.Body).HasColumnName("body");
        e.Property(x => x.State).HasColumnName("state");
        e.Property(x => x.Author).HasColumnName("author").HasMaxLength(64);
        e.Property(x => x.AttributeReviewer).HasColumnName("attribute_reviewer").HasMaxLength(64);
        e.Property(x => x.AmendsId).HasColumnName("amends_id");
        e.Property(x => x.RepealsId).HasColumnName("repeals_id");
        e.Property(x => x.InterpretsId).HasColumnName("interprets_id");
        e.Property(x => x.ExtraJson).HasColumnName("extra_json");
        e.Property(x => x.CreatedAtUtcTicks).HasColumnName("created_at_utc_ticks");
        e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        e.HasIndex(x => x.IndexNumber).IsUnique().HasDatabaseName("ix_registry_documents_index_number");
        // Table 二 counts and the catalogue pages are range scans per agency, category and date.
        e.HasIndex(x => new { x.AgencyCode, x.Category, x.PublishedOn }).HasDatabaseName("ix_registry_documents_agency_category_published");
        e.HasIndex(x => new { x.AgencyCode, x.State, x.FormedOn }).HasDatabaseName("ix_registry_documents_agency_state_formed");
        e.HasIndex(x => x.InterpretsId).HasDatabaseName("ix_registry_documents_interprets");
    }
}
