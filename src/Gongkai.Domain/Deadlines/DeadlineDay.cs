namespace Gongkai.Domain.Deadlines;

/// <summary>One calendar day between the start and the due date, and how it was treated.</summary>
/// <param name="Date">The day.</param>
/// <param name="Treatment">Counted, or why not.</param>
/// <param name="Ordinal">For a counted day, its number (1 … N); otherwise 0.</param>
/// <param name="Note">The holiday's name, or the pause's reason.</param>
public sealed record DeadlineDay(DateOnly Date, DayTreatment Treatment, int Ordinal, string? Note);
