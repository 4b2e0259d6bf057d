using System.Diagnostics;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.SeedMutations;

namespace Catalog.Tests.Import;

/// <summary>
/// Mutations of the real seed files, from a fixed random seed, through the checker that <c>import --check</c> and
/// <c>importNotes</c> both run (<see cref="SeedLoader.Load(IEnumerable{SeedFile})"/>): every outcome is a plan or
/// problems at a file and line of the seed, never another exception. The same for drafts of mutated notes. They need
/// no database, but thousands of whole-seed checks take minutes: they run with the service tests, not the pure ones.
/// </summary>
public sealed class SeedFuzzTests
{
    private const int Seed = 20261202;
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    [Fact]
    public void Mutated_seed_files_give_a_plan_or_problems_at_a_file_and_line_of_the_seed()
    {
        var random = new Random(Seed);
        var lineCounts = Folder.ToDictionary(f => f.Path, f => NotesParser.SplitLines(f.Text).Count);
        var (plans, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
        {
            var files = Folder.ToList();
            var index = random.Next(files.Count);
            files[index] = files[index] with { Text = Mutate(files[index].Text, random) };
            var mutatedLines = NotesParser.SplitLines(files[index].Text).Count;
            try
            {
                SeedLoader.Load(files);
                plans++;
            }
            catch (SeedException e)
            {
                refused++;
                Assert.NotEmpty(e.Errors);
                foreach (var error in e.Errors)
                {
                    Assert.True(lineCounts.ContainsKey(error.File), $"Mutation {i} of {files[index].Path}: {error} names no seed file.");
                    var lines = error.File == files[index].Path ? mutatedLines : lineCounts[error.File];
                    Assert.True(error.Line >= 1 && error.Line <= lines + 1, $"Mutation {i} of {files[index].Path}: {error} is not a line of the file ({lines} lines).");
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} of {files[index].Path} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        // The mutations reach both outcomes: they are not all harmless, nor all caught at the first byte.
        Assert.True(refused > 500 && plans > 100, $"{plans} plans, {refused} refused, in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_draft_of_any_mutated_notes_is_yaml_the_importer_reads_without_a_problem_in_it()
    {
        var random = new Random(Seed + 1);
        var vocabulary = NotesVocabulary.From(SeedLoader.Load(Folder));
        var notes = Folder.Single(f => f.Path.StartsWith("notes/", StringComparison.Ordinal)).Text;
        var writeUp = WriteUps.WriteUp;
        for (var i = 0; i < 200; i++)
        {
            var markdown = Mutate(i % 2 == 0 ? notes : writeUp, random);
            // The command and the query draft only notes the importer can take (no NUL, no lone surrogate ...).
            var refused = SeedText.Check("notes/fuzzed.md", markdown, notes: true).Any();
            NotesDraft draft;
            try
            {
                draft = NotesDrafter.Draft("notes/fuzzed.md", markdown, vocabulary);
            }
            catch (Exception e)
            {
                Assert.Fail($"Draft {i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                throw;
            }
            if (refused) continue;
            var files = SeedLoader.Merge(Folder, [new SeedFile(draft.NotesPath, markdown, true), new SeedFile(draft.CatalogPath, WriteUps.FillInEvent(draft.Yaml), true)]);
            try
            {
                SeedLoader.Load(files);
            }
            catch (SeedException e)
            {
                // The notes themselves may be refused (a NUL, a lone surrogate); the draft's YAML never is.
                var inDraft = e.Errors.Where(error => error.File != draft.NotesPath).ToList();
                Assert.True(inDraft.Count == 0, $"Draft {i}: {string.Join("\n", inDraft)}\n--- notes:\n{markdown}\n--- draft:\n{draft.Yaml}");
            }
        }
    }
}
