# What the program says outside the window (errors, explanations, documents, the terminal), in English.
# Read by zayava-core's catalogue (crates/zayava-core/src/i18n.rs). Placeholders are { $name }; every language has the same ids and placeholders (a test checks it).

## crates/zayava-app/src/error.rs
app-error-invalid = Please check the highlighted fields.
app-error-bad-input = This value does not fit; nothing was changed.
app-error-no-data-dir = The system names no folder for the program's data, so the database and backups are not available. Set the database's path in the ZAYAVA_DB environment variable.
app-error-not-damaged = The database is not damaged: there is no need to start a new one, your data is in place.
app-error-not-found = The record was not found; it may have been deleted.
app-error-database = Could not save or read the data. Nothing was lost; please try again.
app-error-not-ready = The application cannot be marked ready: the pre-flight check found grounds for annulment.
app-error-too-large = The file or data is larger than the { $mb } MB allowed.
app-error-file = Could not process the file: { $detail }
app-error-unknown-form = Unknown service or form version: { $what }
app-error-newer = This database was made by a newer version of Zayava (schema { $found }; this program knows up to { $supported }). Please install the newer version. The file was not changed.
app-error-damaged = The database file is damaged ({ $detail }). Restore the data from a backup, or start with a new database: the damaged file is kept in the backups folder.
app-error-not-a-backup = «{ $file }» is not a Zayava database or backup. Nothing was changed.
app-error-in-use = The database is already open in another Zayava window. Close it and try again.
app-error-disk-full = The disk is full: the change was not saved and the earlier data is untouched. Free some space and try again.
app-error-sent-locked = The application has been sent to the Operator, so its form is locked. To change it, press “Change the sent application”.
app-error-no-organisation = Choose an organisation: an application is made in its name. If there is none yet, add yours under “Organisations”.
app-error-organisation-in-use = This organisation cannot be deleted: { $count } application(s) are made in its name. Archive it instead: the applications stay, and it leaves the lists.
app-error-startup = Could not open the database: { $detail }
app-error-internal = Zayava hit an internal error: the action was not done. No data was changed; please try again, and tell the developers if it happens again.
app-error-unknown-pdf-kind = There is no such document to print: “{ $kind }”. Choose the application, the contract package or the schedule.
app-error-unknown-form-print = The application was saved under form version “{ $version }”, which this program does not have, so it cannot be printed. Please install the newer Zayava.
app-error-all-is-a-schedule = For all applications at once, only the deadline schedule can be printed.
app-error-bad-application-file = The application file cannot be read: { $detail }. Expected JSON like {"{"}"service", "organisation", "values", "events"{"}"}.
app-error-cannot-open = The document is ready, but no program on this computer opened the PDF. Choose where to save it.
app-error-cannot-open-mail = The letter is ready, but no mail program on this computer opened it. Choose where to save it, then open the file in your mail.
app-error-no-inbox = The procedure names no e-mail address for this letter. Send it the way the procedure says: by hand, by post or through SMDO.
app-error-read-only = In the account «{ $account }» you may see the work but not change it. To make changes, ask the account's admin to give you the editor role.
app-error-mail-too-large = The attachments weigh more than { $mb } MB, which a mail server will not take. No draft was made; send the documents another way or in parts.
app-error-spreadsheet = The Excel sheet could not be made; no file was written. Try again; if it fails again, tell the developers.
app-error-bad-window = Give the support hours as HH:MM–HH:MM with the start before the end (e.g. 08:00–19:00).
app-error-bad-term-leads = Give how many working days before a contract ends to remind, as numbers separated by commas (0 to 60), e.g. 20, 10, 5, 1.
app-error-bad-leads = Give how many working days ahead to remind, as numbers separated by commas (0 to 60), e.g. 3, 1, 0.

## crates/zayava-app/src/ics.rs
app-ics-calendar-name = Zayava: deadlines
app-xlsx-sheet-applications = Applications
app-xlsx-sheet-due = Deadlines
app-xlsx-sheet-dates = Contract and billing dates
app-xlsx-number = Application
app-xlsx-organisation = Organisation
app-xlsx-service = Service
app-xlsx-stage = Stage
app-xlsx-updated = Changed
app-xlsx-due = Due
app-xlsx-date = Date
app-xlsx-what = What
app-xlsx-who = Who
app-xlsx-state = State
app-xlsx-clause = Clause
app-printing-file-name = Application { $number } — { $kind }.pdf
app-printing-file-name-unnumbered = Application — { $kind }.pdf
app-printing-file-name-all = Deadline schedule — all applications.pdf
app-printing-kind-application = application form
app-printing-kind-package = document package
app-printing-kind-schedule = deadline schedule

## crates/zayava-cli/src/timeline.rs
cli-timeline-not-utf8 = Line { $line } is not UTF-8.
cli-timeline-blank = Line { $line } is blank: a JSON object was expected.

## crates/zayava-core/src/calendar/holidays.rs
core-calendar-holidays-new-years-day = New Year's Day
core-calendar-holidays-new-year-holiday = New Year holiday
core-calendar-holidays-orthodox-christmas = Orthodox Christmas
core-calendar-holidays-womens-day = Women's Day
core-calendar-holidays-labour-day = Labour Day
core-calendar-holidays-victory-day = Victory Day
core-calendar-holidays-independence-day = Independence Day
core-calendar-holidays-october-revolution-day = October Revolution Day
core-calendar-holidays-catholic-christmas = Catholic Christmas
core-calendar-holidays-radunitsa = Radunitsa

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-error-unknown-service-service-known-known = Unknown service “{ $service }”. Known: { $known }.
core-deadlines-error-unknown-event-event-for-service = Unknown event “{ $event }” for service { $service }. Known: { $known }.
core-deadlines-error-unknown-fact-fact-known-known = Unknown fact “{ $fact }”. Known: { $known }.
core-deadlines-error-unknown-rule-rule-for-service = Unknown rule “{ $rule }” for service { $service }.
core-deadlines-error-event-event-value-is-not = Event “{ $event }”: “{ $value }” is not a date. Type it as dd.mm.yyyy (or yyyy-mm-dd), with a time as dd.mm.yyyy hh:mm.
core-deadlines-error-event-event-the-date-value = Event “{ $event }”: the date { $value } does not exist.
core-deadlines-error-event-event-is-counted-in = Event “{ $event }” is counted in minutes or hours: give the time too, e.g. { $value } 09:30.
core-deadlines-error-event-event-is-given-twice = Event “{ $event }” is given twice.
core-deadlines-error-fact-fact-value-is-not = Fact “{ $fact }”: “{ $value }” is not { $expected }.
core-deadlines-error-the-date-date-is-outside = The date { $date } is outside the supported range ({ $first }–{ $last }).
core-deadlines-error-malformed-input-detail = Malformed input: { $detail }

## crates/zayava-core/src/deadlines/explain.rs
core-deadlines-explain-the-same-day-as = the same day as
core-deadlines-explain-the-calendar-day-after = the calendar day after
core-deadlines-explain-the-first-day-of-the = the first day of the month after
core-deadlines-explain-31-december-of-the-same = 31 December of the same year as
core-deadlines-explain-31-december-of-the-year = 31 December of the year after that of
core-deadlines-explain-the-month-of = the month of
core-deadlines-explain-by-a-facts-value = by a fact's value
core-deadlines-explain-provisional = Zayava does not yet hold the transfers of working days for { $years }: the date is provisional and may move once the Council of Ministers resolution is out. Add the transfers in Calendar.
core-deadlines-explain-waiting = Not yet known: waiting for { $what }.

## crates/zayava-core/src/forms/check.rs
core-forms-check-not-text = text expected.
core-forms-check-not-date = a date as dd.mm.yyyy.
core-forms-check-not-integer = a whole number.
core-forms-check-out-of-range = a number outside the allowed range.
core-forms-check-not-choice = choose one of the options.
core-forms-check-not-flag = yes or no.
core-forms-check-not-attachment = the file is not among the attachments.
core-forms-check-not-list = a list expected.

## crates/zayava-core/src/lifecycle/batch.rs
core-lifecycle-batch-malformed = Line { $line } cannot be read: { $detail }
core-lifecycle-batch-bad-now = “now” must be a time YYYY-MM-DDTHH:MM, not “{ $value }”.
core-lifecycle-batch-event-at = Event { $n } (“{ $event }”): { $message }

## crates/zayava-core/src/lifecycle/mod.rs
core-lifecycle-late = “{ $event }” on { $date }: { $days } after the due date, { $due }.
core-lifecycle-unknown = The Operator's receipt of the contract is not recorded: record the day the Operator received the signed contract; without it, whether the contract was concluded cannot be told.
core-lifecycle-round = round { $n }
core-lifecycle-in-time = In time: “{ $event }” on { $date }.
core-lifecycle-stake-open = { $left } left: the signed contract must reach the Operator by { $due }, or it is not concluded.
core-lifecycle-stake-today = Today is the last day: the signed contract must reach the Operator today, or it is not concluded.
core-lifecycle-stake-sent = The contract is sent; waiting for the Operator to receive it by { $due }.

## crates/zayava-core/src/operator_number.rs
core-operator-number-the-operators-registration-number = The Operator's registration number
core-operator-number-contract-number = Contract number
core-operator-number-field = Field

## crates/zayava-core/src/validation/batch.rs
core-validation-batch-the-line-is-longer-than = The line is longer than { $n } bytes.
core-validation-batch-malformed-line-e-expected-field = Malformed line: { $e }. Expected {"{"}"field": …, "value": …{"}"}.
core-validation-batch-unknown-field-f-known-k = Unknown field “{ $f }”. Known: { $k }.
core-validation-batch-label-the-value-must-be = { $label }: the value must be a string.
core-validation-batch-label-no-value-given = { $label }: no value given.
core-validation-batch-label-valid = { $label }: valid.

## crates/zayava-core/src/validation/identifiers.rs
core-validation-identifiers-unp = UNP
core-validation-identifiers-account-iban = Account (IBAN)
core-validation-identifiers-bank-bic = Bank BIC
core-validation-identifiers-e-mail = E-mail
core-validation-identifiers-phone = Phone
core-validation-identifiers-postcode = Postcode
core-validation-identifiers-administrative-procedure-code = Administrative procedure code
core-validation-identifiers-a-unp-is-9-digits = a UNP is 9 digits (the first is the region, 1–7); an individual entrepreneur's starts with two letters.
core-validation-identifiers-the-unps-check-digit-does = the UNP's check digit does not match; check for a typo.
core-validation-identifiers-an-iban-by-2-digits = an IBAN: BY, 2 digits, a 4-letter bank code, 4 digits, 16 letters or digits (28 characters).
core-validation-identifiers-the-ibans-check-digits-do = the IBAN's check digits do not match; check for a typo.
core-validation-identifiers-a-bic-is-8-or = a BIC is 8 or 11 Latin letters and digits, e.g. AKBBBY2X.
core-validation-identifiers-an-address-like-name-example = an address like name@example.by.
core-validation-identifiers-a-number-in-375-xx = a Belarusian number: +375 29 123-45-67 or 8 029 123-45-67.
core-validation-identifiers-375-must-be-followed-by = +375 must be followed by 9 digits: the code and the number.
core-validation-identifiers-unknown-operator-or-area-code = unknown operator or area code (expected 25, 29, 33, 44 or an area code such as 17).
core-validation-identifiers-a-postcode-is-6-digits = a postcode is 6 digits, e.g. 220140.
core-validation-identifiers-a-procedure-code-from-the = a procedure code from the list, e.g. 1.1.5.

## crates/zayava-core/src/validation/mod.rs
core-validation-the-field-field-is-required = The field “{ $field }” is required.
core-validation-the-field-field-is-longer = The field “{ $field }” is longer than { $limit } characters.
core-validation-the-field-field-is-malformed = The field “{ $field }” is malformed: { $hint }
core-validation-the-field-field-hint = The field “{ $field }”: { $hint }
core-validation-the-list-field-needs-at = The list “{ $field }” needs at least { $limit }.
core-validation-the-list-field-may-hold = The list “{ $field }” may hold at most { $limit }.
core-validation-the-field-field-must-equal = The field “{ $field }” must equal the number listed in the application: { $limit } now.
core-validation-the-date-field-is-in-future = The field “{ $field }”: a document cannot be dated after today — type the date it bears.

## crates/zayava-pdf/src/documents.rs
pdf-documents-yes = yes
pdf-documents-no = no
pdf-documents-page = page { $n } of { $total }
pdf-documents-consumer = The consumer
pdf-documents-no-organisation = No organisation chosen.
pdf-documents-number = Application No.
pdf-documents-sign-head = Head (authorised person) of the consumer:
pdf-documents-signature = signature
pdf-documents-name = name
pdf-documents-date = date
pdf-documents-seal = Seal
pdf-documents-prerequisites = Conditions and confirmations
pdf-documents-details = Application details
pdf-documents-attached = attached file
pdf-documents-not-attached = not attached
pdf-documents-schedule = Deadline schedule
pdf-documents-schedule-of = Deadline schedule — { $service }
pdf-documents-date-2 = Date
pdf-documents-what = What
pdf-documents-who = Who
pdf-documents-clause = Clause
pdf-documents-state = State
pdf-documents-application-col = Application
pdf-documents-cover = Contract package
pdf-documents-qr-caption = Code: the application's number and a checksum of its content
pdf-documents-field-clause = { $label } (cl. { $clause })
pdf-documents-empty-schedule = No deadlines yet: no events are recorded for the application.

## crates/zayava-core/src/calendar/transfers.rs
core-transfers-year-out-of-range = The year { $year } is outside the supported range (1990–2150).
core-transfers-missing-source = Give the source: the Council of Ministers resolution's number and date.
core-transfers-wrong-year = Line { $line }: { $date } is not in { $year }.
core-transfers-day-off-on-weekend = Line { $line }: { $date } is already a Saturday or Sunday; only a weekday can become a day off by transfer.
core-transfers-working-day-on-weekday = Line { $line }: { $date } is a weekday; only a Saturday or Sunday can become a working day by transfer.
core-transfers-duplicate = Line { $line }: { $date } appears twice.

## crates/zayava-core/src/calendar/view.rs
core-calendar-day-off-by-transfer = Day off by transfer; worked on { $date }
core-calendar-working-by-transfer = Working day by transfer, instead of { $date }

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-expected-positive = a positive whole number
core-deadlines-expected-one-of = one of: { $values }
core-deadlines-expected-covered = a value the rule has a period for

## crates/zayava-core/src/rules/mod.rs
core-party-consumer = consumer
core-party-operator = Operator
core-party-both = both

## crates/zayava-core/src/deadlines/explain.rs
core-period-working-days = { $n } { $n ->
    [one] working day
   *[other] working days
} after
core-period-working-days-before = { $n } { $n ->
    [one] working day
   *[other] working days
} before
core-period-calendar-days = { $n } { $n ->
    [one] calendar day
   *[other] calendar days
} after
core-period-calendar-days-before = { $n } { $n ->
    [one] calendar day
   *[other] calendar days
} before
core-period-calendar-months = { $n } { $n ->
    [one] month
   *[other] months
} after
core-period-minutes = { $n } { $n ->
    [one] minute
   *[other] minutes
} after
core-period-hours = { $n } { $n ->
    [one] hour
   *[other] hours
} after
core-period-working-hours = { $n } { $n ->
    [one] working hour
   *[other] working hours
} (working days, { $hours }) after
core-period-working-hours-weekdays = { $n } { $n ->
    [one] working hour
   *[other] working hours
} (working days except Saturdays and Sundays, { $hours }) after
core-explain-saturday = Saturday
core-explain-sunday = Sunday
core-explain-weekday = weekday
core-explain-not-a-support-day = { $day } (worked by transfer, but not a support day)
core-explain-day-off-by-transfer = day off by transfer (worked on { $date })
core-explain-source = Source: clause { $clause }, { $source }.
core-explain-fact = “{ $fact }”
core-explain-in-force-from = The rule is in force from { $date }; the event is earlier.
core-explain-sentence = { $title }: { $period } { $base_at } (“{ $base }”) → { $due }.
core-explain-rolled = { $date } is a day off, so the date moves to the next working day (Civil Code art. 192).
core-explain-skipped = Not counted: { $list }.
core-explain-worked = Working days by transfer: { $list }.

## crates/zayava-core/src/forms/preflight.rs
core-preflight-clause = clause { $clause }
core-preflight-not-ticked = not ticked: “{ $label }”
core-preflight-not-attached = no file attached: “{ $label }”
core-preflight-no-organisation = no applying organisation is chosen.
core-or = or
core-preflight-tick-one = with { $when }, tick { $options }.
core-preflight-confirm = Zayava cannot see payments to the Operator; please confirm: “{ $label }”.

## crates/zayava-core/src/lifecycle/mod.rs
core-quoted = “{ $text }”
core-lifecycle-error-unknown-event = The event “{ $event }” does not belong to this service.
core-lifecycle-error-impossible = “{ $event }” cannot be recorded: the application is now “{ $state }”. Possible now: { $allowed }.
core-lifecycle-error-before-previous = “{ $event }” on { $date } cannot be before the event it follows, “{ $previous }” on { $previous_date }.
core-lifecycle-error-in-future = “{ $event }” on { $date } is in the future; only events that happened are recorded.
core-lifecycle-error-nothing-to-correct = The record to correct is not in this application’s history. Open the application again and press “Correct the date” next to the record.
core-lifecycle-error-correction-of-other = A correction must be of the same event, “{ $event }”.
core-lifecycle-error-precondition = “{ $event }” cannot be recorded: { $reason } (clause { $clause }). Record { $missing } first.
core-lifecycle-gap = “{ $event }” is recorded but { $missing } is not: { $reason } (clause { $clause }).
core-status-upcoming = upcoming
core-status-due-today = due today
core-status-overdue = overdue
core-status-met = met
core-status-met-late = met late
core-status-passed = reached
core-status-waiting = waiting for an event
core-status-unknown = not recorded
core-lifecycle-working-days = { $n } { $n ->
    [one] working day
   *[other] working days
}
core-lifecycle-days = { $n } { $n ->
    [one] day
   *[other] days
}

## crates/zayava-core/src/reminders.rs
core-reminder-term-last-day = Today is the contract's last day ({ $organisation }).
core-reminder-term-ends = The contract ends on { $due } ({ $organisation }): extend or renew it in time.
core-reminder-missed = Missed on { $due }: { $title } ({ $organisation })
core-reminder-last-day = Today is the last day: { $title } ({ $organisation })
core-reminder-by = By { $due }: { $title } ({ $organisation })
core-reminder-title = Zayava: deadline
core-ics-done = Done: { $title }

## crates/zayava-store/src/lifecycle.rs
store-parked-event = Sent by the Operator ({ $at }); it will count by itself as soon as the procedure allows. { $why }

## crates/zayava-sync/src/error.rs
sync-error-not-configured = The exchange server address is not set. Enter the address the Operator gave you in Settings.
sync-error-bad-url = The exchange server address “{ $url }” does not look like a web address. Type it as the Operator gave it, e.g. https://api.nces.by.
sync-error-no-scheme = The exchange server address is missing https:// at the start. Type it as: https://{ $url }
sync-error-not-https = The exchange server address must start with https:// (a secure connection): “{ $url }”. Replace http:// with https://.
sync-error-no-token = No access key for the exchange server is saved. Enter the key the Operator issued in Settings.
sync-error-unauthorized = The Operator refused the access token. Enter a new one in Settings.
sync-error-unreachable = The exchange server does not answer — check the internet connection. Your changes are kept and go with the next exchange. (For the administrator: { $why })
sync-error-bad-response = The exchange server answered with something Zayava cannot read; nothing on this computer changed. If it happens again, tell the Operator. (For the administrator: { $why })
sync-error-no-keyring = No system keyring is available, so the token cannot be saved. On Linux a Secret Service (GNOME Keyring or KWallet) is needed, on Windows the Credential Manager.
sync-error-keyring = The system password store did not give the access key. Restart the computer or ask your administrator. (For the administrator: { $why })
sync-error-store = What came could not be written to the database on this computer; nothing is lost — the exchange will try again by itself. (For the administrator: { $why })

## crates/zayava-pdf/src/subject.rs
pdf-schedule-of-all = Deadline schedule of all applications

## crates/zayava-cli
cli-col-number = Number
cli-col-service = Service
cli-col-organisation = Organisation
cli-col-stage = Stage
cli-col-id = Id
cli-no-applications = No applications found.
cli-to-fix = To fix:
cli-draft-created = Created draft { $number } ({ $service }): { $id }
cli-ready = Application { $number } is ready to send.
cli-archived = Application { $number } moved to the archive.
cli-outgoing = Application { $number }: outgoing No. { $outgoing } of { $date }. It is printed on the covering letter and the application.
cli-unarchived = Application { $number } brought back from the archive.
cli-col-due = Due
cli-col-party = Party
cli-col-rule = Rule
cli-col-clause = Clause
cli-no-dates = No dates: none of this service's events was given.
cli-provisional = provisional
cli-nothing-due = { $n ->
    [one] Nothing falls due in the next { $n } working day.
   *[other] Nothing falls due in the next { $n } working days.
}
cli-col-status = Status
cli-col-what = What
cli-col-who = Who
cli-col-application = Application
cli-col-no = No.
cli-col-when = When
cli-col-event = Event
cli-col-recorded-by = Recorded by
cli-col-note = Note
cli-by-user = user
cli-by-sync = the Operator (sync)
cli-by-colleague = { $name } (a colleague, sync)
cli-corrected = { $event } (corrected)
cli-no-events = No events yet.
cli-next-events = May be recorded next: { $events }
cli-event-recorded = Recorded event No. { $id } ({ $at }). Now: { $state }
cli-preflight-clean = Pre-flight check passed: no grounds for annulment found.
cli-imported = organisations: { $orgs_added } added, { $orgs_here } already here; applications: { $apps_added } added, { $apps_here } already here; attachments: { $files }
cli-ics-written = { $path }: { $n ->
    [one] { $n } event
   *[other] { $n } events
}
cli-xlsx-written = { $path }: { $n ->
    [one] { $n } row
   *[other] { $n } rows
}
cli-no-dates-yet = No dates yet: no application has the events they are counted from.
cli-info-database = Database
cli-info-organisations = Organisations
cli-info-applications = Applications
cli-info-language = Language
cli-internal = internal error, the command was stopped ({ $what }). Please tell the developers.
cli-col-unp = UNP
cli-col-name = Name
cli-col-changed = Changed
cli-organisation-added = Added organisation No. { $id }: { $name }
cli-organisation-archived = Organisation “{ $name }” archived.
cli-organisation-unarchived = Organisation “{ $name }” brought back from the archive.
cli-organisation-deleted = Organisation “{ $name }” deleted.
cli-pdf-written = { $path }: { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, { $bytes } bytes
cli-pdf-replaced = The font cannot show “{ $chars }”; these characters are printed as □.
cli-restored = Restored from { $file } (schema { $version }): { $orgs } organisation(s).
cli-sync-push = sent: { $done } of { $total }
cli-sync-pull = received: { $received }
cli-sync-data = calendar and rules
cli-sync-report = sent { $sent }, rejected { $rejected }, conflicts { $conflicts }, received { $received }, duplicates skipped { $duplicates }, refused { $refused }, waiting { $waiting }
cli-sync-address = Address: { $url }
cli-sync-not-set = (not set)
cli-sync-counts = Pending: { $pending }, rejected: { $rejected }, conflicts: { $conflicts }
cli-sync-last = Last sync: { $at }
cli-sync-never = never
cli-no-deadlines-yet = No deadlines yet: they start with the events they are counted from.
cli-yes = yes
cli-no = no
cli-col-field = Field
cli-col-value = Value
store-outgoing-number = Outgoing number
store-organisation = Organisation
pdf-letter-dated = No. { $number } of { $date }
pdf-letter-undated = No. ____________ of ___.___.________
pdf-letter-subject = Application for a contract
pdf-letter-body = Please find enclosed application No. { $number } (service: { $service }) for a contract, made under { $source }. We ask you to consider it and send us the draft contract.
pdf-letter-body-unnumbered = Please find enclosed an application (service: { $service }) for a contract, made under { $source }. We ask you to consider it and send us the draft contract.
pdf-letter-enclosures = Enclosures:
pdf-letter-enclosure-application = { $title }, { $pages } { $pages ->
    [one] page
   *[other] pages
}, 1 copy;
pdf-letter-enclosure-file = { $file }.
pdf-letter-basis = Acting under { $basis }.
pdf-letter-signature = signature
pdf-letter-prepared-by = Prepared by { $name }, { $phone }
pdf-letter-unp = UNP { $unp }
app-outgoing-date = Date of the outgoing letter
app-outgoing-date-ahead = the date has not come yet; a letter is dated the day it is signed.
app-outgoing-date-format = type the date as dd.mm.yyyy.
app-mail-application-subject = Application { $number } — { $service } — { $organisation }
app-mail-application-body =
    Dear colleagues,

    { $organisation } sends application { $number } (service: { $service }) for a contract. It is sent by e-mail, as clause { $clause } of { $source } provides.

    The application is attached: “{ $file }”.
app-mail-contact = Contact: { $contact }.
app-mail-notice-subject = { $subject } ({ $number })
app-mail-file-name = Application { $number } — { $kind }.eml
app-mail-kind-application = letter with the application
app-mail-kind-notice = notice
cli-mail-written = { $path }: a letter to { $to }, “{ $subject }”. Open the file in your mail program and send it.
cli-mail-then = Once sent, record it: zayava events record { $application } --event { $event } --at { $at }
