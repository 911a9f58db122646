//! Times: instants are `jiff::Timestamp`s, kept to the millisecond and written
//! as RFC 3339 in UTC (transcripts, JSON); people read them in UK time
//! (Europe/London: GMT, or BST in summer).

use crate::language::Language;
use jiff::Timestamp;
use std::time::SystemTime;

/// The time zone a UK council reads times in.
const UK: &str = "Europe/London";

/// A system time as a timestamp to the millisecond (as transcripts keep it).
pub fn from_system(at: SystemTime) -> Timestamp {
    let exact = Timestamp::try_from(at).unwrap_or(Timestamp::UNIX_EPOCH);
    Timestamp::from_millisecond(exact.as_millisecond()).unwrap_or(exact)
}

/// Now, to the millisecond.
pub fn now() -> Timestamp {
    from_system(SystemTime::now())
}

/// `HH:MM` in UK time, for timelines.
pub fn clock(at: Timestamp) -> String {
    in_uk(at, "%H:%M")
}

/// The date in UK time, `YYYY-MM-DD`.
pub fn date(at: Timestamp) -> String {
    in_uk(at, "%Y-%m-%d")
}

/// The day in UK time as people write it: "4 December 2026".
pub fn long_date(at: Timestamp) -> String {
    in_uk(at, "%-d %B %Y")
}

/// A date as people in the UK write it ("15 January 2027") from its ISO
/// form; anything else as it came.
pub fn uk_date(iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => d.strftime("%-d %B %Y").to_string(),
        Err(_) => iso.to_string(),
    }
}

/// The months' names in the catalogue, January first.
const MONTHS: [&str; 12] = [
    "month-january",
    "month-february",
    "month-march",
    "month-april",
    "month-may",
    "month-june",
    "month-july",
    "month-august",
    "month-september",
    "month-october",
    "month-november",
    "month-december",
];

/// The day in UK time as a reader of `language` writes it: "4 December
/// 2026", "4 Rhagfyr 2026".
pub fn long_date_in(at: Timestamp, language: Language) -> String {
    let day = match at.in_tz(UK) {
        Ok(t) => t.date(),
        Err(_) => at.to_zoned(jiff::tz::TimeZone::UTC).date(),
    };
    civil_date_in(day, language)
}

/// A date from its ISO form as a reader of `language` writes it; anything
/// else as it came.
pub fn uk_date_in(iso: &str, language: Language) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => civil_date_in(d, language),
        Err(_) => iso.to_string(),
    }
}

fn civil_date_in(day: jiff::civil::Date, language: Language) -> String {
    let month = MONTHS[usize::try_from(day.month() - 1).unwrap_or(0).min(11)];
    format!(
        "{} {} {}",
        day.day(),
        crate::language::text(language, month),
        day.year()
    )
}

fn in_uk(at: Timestamp, format: &str) -> String {
    match at.in_tz(UK) {
        Ok(t) => t.strftime(format).to_string(),
        // The zone database is bundled, so this is not expected; UTC is the
        // honest fallback.
        Err(_) => at.strftime(format).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{clock, date, from_system};
    use std::time::{Duration, SystemTime};

    fn at(text: &str) -> jiff::Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn times_read_in_uk_time_gmt_in_winter_and_bst_in_summer() {
        assert_eq!(clock(at("2026-12-02T16:05:00.123Z")), "16:05");
        assert_eq!(clock(at("2026-07-01T16:05:00Z")), "17:05");
        assert_eq!(date(at("2026-07-01T23:30:00Z")), "2026-07-02");
    }

    #[test]
    fn instants_keep_milliseconds_and_write_as_rfc3339() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_nanos(1_780_000_000_123_456_789);
        let stamp = from_system(t);
        assert_eq!(stamp.to_string(), "2026-05-28T20:26:40.123Z");
        assert_eq!(
            serde_json::to_string(&stamp).unwrap(),
            "\"2026-05-28T20:26:40.123Z\""
        );
    }

    #[test]
    fn dates_in_welsh_and_english() {
        use crate::language::Language;
        let at = at("2026-12-04T14:05:00Z");
        assert_eq!(super::long_date_in(at, Language::Welsh), "4 Rhagfyr 2026");
        assert_eq!(
            super::long_date_in(at, Language::English),
            super::long_date(at)
        );
        assert_eq!(
            super::uk_date_in("2027-01-15", Language::Welsh),
            "15 Ionawr 2027"
        );
        assert_eq!(super::uk_date_in("soon", Language::Welsh), "soon");
    }
}
