# The window's words (English). Ids are the keys `t()` takes; placeholders are { $name }.
# Every language has the same ids and placeholders (a test checks it).

app-title = Zayava
app-subtitle = NCES applications and contracts

error-internal = Zayava hit an internal error: the action was not done. No data was changed; please try again, and tell the developers if it happens again.

nav-organisations = Organisations
nav-applications = Applications
nav-dashboard = Deadlines
nav-calendar = Calendar
nav-settings = Settings
nav-label = Sections

common-save = Save
common-yes = Yes
common-no = No
common-cancel = Cancel
common-saving = Saving…
common-loading = Loading…
common-saved = Saved
common-error = Error
common-sizeKb = { $kb } KB

form-clause = cl. { $clause }
form-add = Add
form-addItem = Add: { $field }
form-remove = Remove
form-removeItem = Remove { $item }
form-listFull = The list is full.
form-noFile = No file attached
form-chooseFile = Choose a file…
form-copying = Copying…

app-new = New application
app-service = Service
app-organisation = Applying organisation
app-noOrganisation = — none chosen —
app-filter-allOrganisations = All organisations
app-filter-allServices = All services
app-filter-allStages = All stages
app-filter-search = Search
app-filter-searchHint = The beginnings of words from the application, the organisation's name or UNP, the application's number or the Operator's numbers
app-filter-archived = Show the archive
app-filter-status = State
app-more = Show more
app-shown = Showing { $shown } of { $total }
app-status-draft = Draft
app-status-ready = Ready
app-filter-stage = Stage

stage-draft = Draft
stage-ready = Ready to send
stage-with_operator = With the Operator
stage-awaiting_signature = Awaiting the signed contract
stage-concluded = Contract concluded
stage-active = Service active
stage-expiring = Contract ending
stage-suspended = Access suspended
stage-ended = Contract ended
stage-not_concluded = Not concluded or annulled

app-locked = The application has been sent to the Operator, so its form is locked.
app-amend = Change the sent application
app-amendConfirm = The change will be recorded in the progress as “Application changed after sending”. The Operator will need to be told about it. Change the application?
app-amendYes = Yes, change it
app-archived = Archived
app-empty = No applications yet. Pick a service and press “New application”.
app-none = Nothing found.
app-pick = Pick an application on the left, or start a new one.
app-saving = Saving…
app-savedAt = Saved at { $time }
app-check = Check before sending
app-markReady = Mark ready
app-duplicate = Duplicate
app-backToList = All applications
app-moreActions = More…
app-archive = Archive
app-unarchive = Restore from the archive
app-preflightClean = No grounds for annulment found: the application can be marked ready.
app-preflightTitle = Pre-flight check
app-noOrganisations = Add an organisation under “Organisations” first.
app-form = Form

status-upcoming = Upcoming
status-due_today = Due today
status-overdue = Overdue
status-met = Met
status-met_late = Met late
status-passed = Reached
status-waiting = Waiting for an event
life-waitingFor = Waiting for { $what }
status-unknown = Not recorded

dash-title = What is due
dash-days = In the next working days
dash-party = Who acts
dash-party-all = All parties
dash-ours = Our deadlines
dash-theirs = The Operator's deadlines
dash-nothing = Nothing is due in this period.
dash-ending = Contracts that end soon (next 3 months)
dash-endingNone = No contract ends in the next 3 months without being renewed.
dash-col-app = Application
dash-exportAll = Calendar (.ics)
dash-save = Save to a file:
dash-printAll = The deadline schedule of all applications:
dash-calculator = Deadline calculator

life-title = Progress
life-state = State
life-events = Events
life-noEvents = No events yet. When the application is sent to the Operator, record it here.
life-record = Record an event
life-byOperator = This is the Operator's step: with sync on it is recorded by itself. Record it by hand if the Operator's message came another way (by letter, by SMDO).
life-event = Event
life-date = Date
life-note = Note
life-save = Record
life-correct = Correct the date
life-corrected = corrected
life-recorded = { $who ->
    [sync] received from the Operator
   *[user] entered by hand
} { $at }
life-recordedBy = entered by a colleague: { $name }, { $at }
life-deadlines = Deadlines of this application
life-metOn = met
life-exportIcs = Deadlines to a calendar (.ics)
life-exported = Saved { $events } { $events ->
    [one] event
   *[other] events
}.
life-noNext = Nothing to record now.
life-notice = Draft notice
life-noticeTo = to: { $to }
life-copy = Copy the text
life-copied = Copied
life-void-title = Contract not concluded
life-void-startNew = Start a new application from this form
life-gaps = What Zayava cannot tell from the records:
life-newApplication-text = Has the list of procedures changed? Clause 3.3 asks for a new application; then record “A new application sent” here.
life-newApplication-start = Start a new application from this form
life-unplaced = These records do not fit the procedure and are not counted in the deadlines (they are kept):
life-correctionOf = correction of the record of { $date }
life-bySyncShort = from the Operator

dash-openApp = Open the application
dash-openAppLabel = Open the application: { $organisation }, { $service }

xlsx-applications = List to Excel
xlsx-due = Deadlines (Excel)
xlsx-dates = Contract and billing dates (Excel)
xlsx-busy = Making the sheet…
xlsx-done = Saved: { $rows } { $rows ->
    [one] row
   *[other] rows
}
print-kind = Document
print-application = Application
print-package = Contract package
print-schedule = Deadline schedule
print-print = Print
print-saveAs = Save PDF as…
print-busy = Preparing the PDF…
print-done = Done: { $pages } { $pages ->
    [one] page
   *[other] pages
}.
print-done-replaced = Done: { $pages } { $pages ->
    [one] page
   *[other] pages
}. The font cannot show { $chars }: printed as □.

org-new = New organisation
org-empty = No organisations yet. Add the first one: its details will be filled into every application.
org-listLabel = Organisations
org-editTitle = Organisation details
org-newTitle = New organisation
org-field-name = Name
org-field-unp = UNP (taxpayer number)
org-field-address = Address
org-field-email = E-mail
org-hint-unp = 9 digits
org-updated = Changed
org-archivedTag = archived
org-applications = { $count ->
    [0] no applications
    [one] { $count } application
   *[other] { $count } applications
}
org-showArchived = Show archived ({ $count })
org-sameUnp = An organisation with this UNP already exists: { $names }. It is most likely the same one — open it rather than make a second.
org-openOther = Open “{ $name }”
org-saveAnyway = Save another one anyway
org-archive = Archive
org-unarchive = Bring back from the archive
org-delete = Delete…
org-deleteConfirm = Delete the organisation “{ $name }”? No application is made in its name; deleting cannot be undone.
org-deleteYes = Delete
org-cannotDelete = It cannot be deleted: { $count } application(s) are made in its name. It can be archived.
app-newFor = For organisation

settings-language = Interface language
settings-window = Support hours for working-hour deadlines
settings-windowHint = For example 08:00-19:00 (KVP procedure, clause 5.5). Changes apply to dates at once.
settings-leads = Remind me of our deadlines (working days ahead)
settings-termLeads = Remind me of a contract's end (working days ahead)
settings-termLeadsHint = For renewing or extending a contract, e.g. 20, 10, 5, 1: papers and signatures take weeks.
settings-leadsHint = Numbers separated by commas, e.g. 3, 1, 0 (0 is the last day). Reminders arrive as desktop notifications and never repeat.
settings-database = Database file
settings-version = Version

party-consumer = Us (consumer)
party-operator = Operator
party-both = Both parties
party-none = —

explain-show = How this date was worked out
explain-skipped = Not counted
explain-worked = Working days by transfer
explain-rolled = Moved off a day off
explain-unmoved = Before moving
explain-provisional = Provisional
explain-clause = Clause
explain-reason-weekend = weekend
explain-reason-holiday = holiday
explain-reason-transfer = transfer

deadlines-title = Deadline calculator
deadlines-intro = Pick a service and enter the dates of events: Zayava works out the dates under the operator's procedure and shows how each was reached.
deadlines-service = Service
deadlines-events = Events
deadlines-facts = About the application
deadlines-datePlaceholder = dd.mm.yyyy
deadlines-timePlaceholder = dd.mm.yyyy hh:mm
deadlines-results = Dates
deadlines-none = Enter the date of at least one event.
deadlines-col-due = Date
deadlines-col-what = What
deadlines-col-who = Who
deadlines-col-clause = Clause
deadlines-waiting = Waiting for
deadlines-computing = Working out…
deadlines-choose = — choose —

calendar-title = Working-day calendar
calendar-prev = Previous month
calendar-next = Next month
calendar-month = Month
calendar-year = Year
calendar-today = Today
calendar-deadlines = deadlines: { $list }
calendar-provisional = Zayava does not know this year's transfers of working days: dates worked out through it are provisional. Add the transfers below once the resolution is out.
calendar-source = Source
calendar-legend-working = Working day
calendar-legend-weekend = Weekend
calendar-legend-holiday = Public holiday
calendar-legend-transferOff = Day off by transfer
calendar-legend-transferWork = Working day by transfer
calendar-legend-deadline = Your deadline (click the day)
calendar-transfers = Transfers of working days
calendar-transfersFor = Transfers in { $year }
calendar-origin-embedded = shipped with Zayava
calendar-origin-user = entered by hand
calendar-origin-operator = from the operator
calendar-dayOff = Day off
calendar-workingDay = Working day instead
calendar-addMove = Add a transfer
calendar-removeMove = Remove
calendar-sourceHint = Council of Ministers resolution: number and date
calendar-reset = Discard the hand-entered transfers
calendar-resetYes = Yes, undo
calendar-resetConfirm = Undo the transfers for { $year } entered by hand? Those built into Zayava come back (or none), and the dates are worked out again.
calendar-badDate = Line { $line }: enter the date as dd.mm.yyyy.
calendar-noMoves = No transfers.
calendar-recomputing = Recomputing application dates: { $done } of { $of }

weekday-short = Mon,Tue,Wed,Thu,Fri,Sat,Sun

month-names = January,February,March,April,May,June,July,August,September,October,November,December

startup-failed = Zayava could not open its data

sync-title = Exchange with the server
sync-off = Not set up: enter the address and token in Settings
sync-pending = Waiting to be sent
sync-rejected = Refused
sync-conflicts = Conflicts
sync-account = Account
sync-user = You
sync-role-reader = reads only
sync-role-editor = editor
sync-role-admin = admin
sync-last = Last exchange
sync-never = not yet
sync-now = Sync now
sync-running = Exchanging…
sync-phase-push = Sending changes: { $done } of { $total }
sync-phase-pull = Receiving the Operator's events: { $received }
sync-phase-data = Calendar and rules
sync-done = Done: { $pushed } sent, { $pulled } received.
sync-url = Exchange server address
sync-urlHint = The exchange server's address: the Operator's or your organisation's; it starts with https://. An empty field turns the exchange off.
sync-token = Access token
sync-tokenHint = The server's administrator issues the key (at the Operator or in your organisation). Kept in the system’s protected password store, never in the database or files.
sync-tokenSaved = The token is in the password store
sync-tokenMissing = No token saved
sync-tokenForget = Remove the token
sync-tokenForgetYes = Yes, remove the key
sync-tokenForgetConfirm = Remove the access key from the password store? The exchange stops until you enter the key again.
sync-issues = What the exchange could not do
sync-issueDetail = Details (for the administrator)
sync-subject-events = events from the Operator
sync-subject-rulebook = the deadline rules
sync-subject-calendar-transfers = working-day transfers
sync-issuesDismiss = Hide what I have read
sync-retryRefused = Send the refused items again
sync-conflict-title = Changed both here and by the Operator
sync-conflict-application = Application { $number }
sync-conflict-items = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
sync-conflict-field = Field
sync-conflict-mine = Yours
sync-conflict-theirs = The Operator's
sync-conflict-keepMine = Keep my version
sync-conflict-takeTheirs = Take the Operator's version
sync-conflict-title-colleague = Changed both here and by a colleague: { $name }
sync-conflict-their-time = The other version was saved { $at }
sync-conflict-takeColleague = Take the colleague's version
sync-readOnly-notice = You are signed in as a reader of the account «{ $account }»: you can look but not change. The account’s administrator can give you the right to change.
sync-conflict-mark = conflict
sync-conflict-open = Open the application with a conflict
sync-conflict-keptMine = Your version is kept: it goes to the server at the next exchange.
sync-conflict-tookTheirs = The other version is taken: it is now yours too.
sync-issue-sync-rejected = The Operator refused a change
sync-issue-sync-unknown_application = An event for an application this computer does not have
sync-issue-sync-unreadable_event = An unreadable event from the Operator was skipped
sync-issue-sync-refused_event = The Operator's event does not fit the application's history
sync-issue-sync-cursor_backwards = The Operator's server went back to old events; the position was kept
sync-issue-sync-bad_response = The Operator's server answered with something unreadable
sync-issue-sync-refused_calendar = The Operator's calendar was not taken
sync-issue-sync-newer_rulebook = The Operator published newer rules; please update the program
sync-issue-sync-colleague_change_waits = A colleague's change could not be applied on this computer yet; it is kept, and the next exchange tries again

app-operator-registration_number = The Operator's registration number
app-operator-contract_number = Contract number
app-operator-remarks = The Operator's remarks
app-outgoing-legend = Outgoing letter
app-outgoing-number = Outgoing No.
app-outgoing-date-label = of
app-outgoing-next = Give the next number
app-outgoing-hint = The number and date are printed on the covering letter and the application. Numbers follow the organisation's own count.
app-outgoing-needs-organisation = Choose an organisation to number by its count; your own number can be typed without one.

backup-title = Backups
backup-hint = Every day and before every program update Zayava keeps a copy of the database (the last 7 are kept). A copy can be saved to a file, and the data restored from a copy.
backup-save = Save a copy to a file…
backup-fromFile = Restore from a file…
backup-restore = Restore
backup-restoreOf = Restore the copy of { $date }
backup-none = No automatic copies yet.
backup-kind-daily = daily
backup-kind-migration = before an update
backup-kind-restore = before a restore
backup-kind-damaged = damaged database
backup-kind-other = copy
backup-staged = The copy was checked and will be restored:
backup-stagedHint = The program restarts and opens the data from the copy. The current database is kept among the backups.
backup-restart = Restart and restore

recovery-damaged = The database is damaged
recovery-fromBackup = Restore from a backup
recovery-fresh = Start with a new database (the damaged one is kept)
recovery-freshYes = Yes, start with a new database
recovery-freshConfirm = The damaged database will be set aside (its file is kept next to it), and Zayava will start with an empty one: organisations and applications will have to be restored from a backup or entered again. Continue?
mail-prepare = Prepare the e-mail
mail-save = Save the e-mail…
mail-to = A draft to { $to } opens in your mail program; you send it.
mail-ready = The draft to { $to } is open in your mail program. Once you have sent it, note it here:
mail-record = Record “{ $event }” — { $date }
mail-notYet = Not sent yet
mail-recorded = Recorded: “{ $event }” — { $date }.
mail-applicationHint = The procedure lets the application go by e-mail to { $to }: a draft with the application's PDF opens in your mail.
