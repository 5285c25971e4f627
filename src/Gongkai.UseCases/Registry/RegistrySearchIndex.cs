using System.Globalization;
using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Gongkai.UseCases.Registry;

/// <summary>What the search index holds of a published catalogue item.</summary>
public sealed record IndexedDocument(long Id, string Agency, string Title, string DocumentNumber, string Body, string AttachmentsText);

/// <summary>
/// Full-text search of the published catalogue (条例第二十四条: the platform offers search): a Lucene.Net index under the
/// data directory, analysed with SmartCn (Chinese word segmentation, not white space). Title, 文号, body and the text
/// of the attachments are indexed. The database is the source: the index is rebuilt from it when it is missing or its
/// count differs (checked at most once a minute, so items imported by the CLI appear without a restart). One writer per
/// directory: the web host holds one instance.
/// </summary>
public sealed class RegistrySearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly LuceneDirectory _directory;
    private readonly SmartChineseAnalyzer _analyzer = new(Version);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly TimeProvider _time;
    // A semaphore, not a lock: the database is read asynchronously while the writer is held (issue 11).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public RegistrySearchIndex(string path, TimeProvider time)
    {
        System.IO.Directory.CreateDirectory(path);
        _time = time;
        _directory = FSDirectory.Open(path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 });
        _writer.Commit();
        _searchers = new SearcherManager(_writer, true, null);
    }

    public int Count
    {
        get
        {
            _searchers.MaybeRefreshBlocking();
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Published proactive items: what the portal shows and the index holds.</summary>
    public static IQueryable<RegistryDocumentRow> Searchable(GongkaiDbContext db) =>
        db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.PublishedOn != null && d.DisclosureMode == (int)DisclosureMode.Proactive);

    /// <summary>Rebuilds from the database when the index count differs from it (at most once a minute unless forced).</summary>
    public async Task<bool> EnsureFreshAsync(GongkaiDbContext db, bool force = false, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (!force && now - _checkedAt < TimeSpan.FromMinutes(1))
            {
                return false;
            }

            _checkedAt = now;
            if (!force && await Searchable(db).CountAsync(cancellationToken) == Count)
            {
                return false;
            }

            _writer.DeleteAll();
            const int batch = 2000;
            long after = 0;
            while (true)
            {
                var page = await LoadAsync(db, Searchable(db).Where(d => d.Id > after).OrderBy(d => d.Id).Take(batch), cancellationToken);
                foreach (var d in page)
                {
                    _writer.AddDocument(ToLucene(d));
                }

                if (page.Count < batch)
                {
                    break;
                }

                after = page[^1].Id;
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds or replaces one item (after it is published or republished).</summary>
    public async Task UpsertAsync(GongkaiDbContext db, long id, CancellationToken cancellationToken = default)
    {
        var docs = await LoadAsync(db, Searchable(db).Where(d => d.Id == id), cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var term = new Term("id", id.ToString(CultureInfo.InvariantCulture));
            if (docs.Count == 0)
            {
                _writer.DeleteDocuments(term);
            }
            else
            {
                _writer.UpdateDocument(term, ToLucene(docs[0]));
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Bulk load (benchmarks, demo): adds without checking for duplicates, commits once.</summary>
    public void AddAll(IEnumerable<IndexedDocument> documents)
    {
        _gate.Wait();
        try
        {
            foreach (var d in documents)
            {
                _writer.AddDocument(ToLucene(d));
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The ids of the best matches (every word of the query must occur in one of the fields), and how many match.</summary>
    public (int Total, IReadOnlyList<long> Ids) Search(string query, string? agency = null, int skip = 0, int take = 20)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return (0, []);
        }

        // Every word must be somewhere ("all": title, 文号, body, attachments' text); a word in the title ranks higher.
        var q = new BooleanQuery();
        foreach (var word in words)
        {
            q.Add(new TermQuery(new Term("all", word)), Occur.MUST);
            q.Add(new TermQuery(new Term("title", word)) { Boost = 4 }, Occur.SHOULD);
        }

        if (!string.IsNullOrEmpty(agency))
        {
            q.Add(new TermQuery(new Term("agency", agency)), Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(q, skip + take);
            var ids = top.ScoreDocs.Skip(skip)
                .Select(hit => long.Parse(searcher.Doc(hit.Doc).Get("id", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToList();
            return (top.TotalHits, ids);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The query's words as SmartCn segments them (the same segmentation as the index).</summary>
    public IReadOnlyList<string> Words(string query)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream("body", query ?? string.Empty);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var w = term.ToString();
            if (!words.Contains(w, StringComparer.Ordinal))
            {
                words.Add(w);
            }
        }

        stream.End();
        return words;
    }

    private static async Task<List<IndexedDocument>> LoadAsync(GongkaiDbContext db, IQueryable<RegistryDocumentRow> rows, CancellationToken cancellationToken)
    {
        var docs = await rows.Select(d => new { d.Id, d.AgencyCode, d.Title, d.DocumentNumber, d.Body }).ToListAsync(cancellationToken);
        var ids = docs.Select(d => d.Id).ToList();
        var texts = (await db.Set<RegistryAttachmentRow>().AsNoTracking().Where(a => ids.Contains(a.DocumentId))
            .Select(a => new { a.DocumentId, a.FileName, a.Text }).ToListAsync(cancellationToken))
            .GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(a => a.FileName + "\n" + a.Text)));
        return docs.Select(d => new IndexedDocument(d.Id, d.AgencyCode, d.Title, d.DocumentNumber ?? string.Empty, d.Body, texts.GetValueOrDefault(d.Id, string.Empty))).ToList();
    }

    private static Document ToLucene(IndexedDocument d) =>
    [
        new StringField("id", d.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
        new StringField("agency", d.Agency, Field.Store.NO),
        new TextField("title", d.Title, Field.Store.NO),
        new TextField("all", string.Join('\n', d.Title, d.DocumentNumber, d.Body, d.AttachmentsText), Field.Store.NO),
    ];

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _gate.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
