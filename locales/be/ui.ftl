# The window's words (Belarusian). Ids are the keys `t()` takes; placeholders are { $name }.
# Every language has the same ids and placeholders (a test checks it).

app-title = Заява
app-subtitle = Заяўкі і дагаворы НЦЭП

error-internal = Унутраная памылка Заявы: дзеянне не выканана. Даныя не зменены; паспрабуйце яшчэ раз, а калі паўторыцца — паведаміце распрацоўшчыкам.

nav-organisations = Арганізацыі
nav-applications = Заяўкі
nav-dashboard = Тэрміны
nav-calendar = Каляндар
nav-settings = Налады
nav-label = Раздзелы

common-save = Захаваць
common-yes = Так
common-no = Не
common-cancel = Адмена
common-saving = Захаванне…
common-loading = Загрузка…
common-saved = Захавана
common-error = Памылка
common-sizeKb = { $kb } КБ

form-clause = п. { $clause }
form-add = Дадаць
form-addItem = Дадаць: { $field }
form-remove = Выдаліць
form-removeItem = Выдаліць: { $item }
form-listFull = Спіс запоўнены цалкам.
form-noFile = Файл не прыкладзены
form-chooseFile = Выбраць файл…
form-copying = Капіяванне…

app-new = Новая заяўка
app-service = Паслуга
app-organisation = Арганізацыя-заяўнік
app-noOrganisation = — не выбрана —
app-filter-allOrganisations = Усе арганізацыі
app-filter-allServices = Усе паслугі
app-filter-allStages = Усе стадыі
app-filter-search = Пошук
app-filter-searchHint = Пачаткі слоў з заяўкі, назва або УНП арганізацыі, нумар заяўкі або нумары Аператара
app-filter-archived = Паказаць архіў
app-filter-status = Стан
app-more = Паказаць яшчэ
app-shown = Паказаны { $shown } з { $total }
app-status-draft = Чарнавік
app-status-ready = Гатова
app-filter-stage = Стадыя

stage-draft = Чарнавік
stage-ready = Гатова да адпраўкі
stage-with_operator = У Аператара
stage-awaiting_signature = Чакае падпісання дагавора
stage-concluded = Дагавор заключаны
stage-active = Паслуга актыўная
stage-expiring = Дагавор заканчваецца
stage-suspended = Доступ прыпынены
stage-ended = Дагавор скончыўся
stage-not_concluded = Не заключаны або анулявана

app-locked = Заяўка накіравана Аператару, таму форма закрыта для рэдагавання.
app-amend = Змяніць адпраўленую заяўку
app-amendConfirm = Змяненне будзе запісана ў ход справы як «Заяўка зменена пасля адпраўкі». Аператару трэба будзе паведаміць пра змяненні. Змяніць заяўку?
app-amendYes = Так, змяніць
app-archived = У архіве
app-empty = Заявак пакуль няма. Выберыце паслугу і націсніце «Новая заяўка».
app-none = Нічога не знойдзена.
app-pick = Выберыце заяўку злева або стварыце новую.
app-saving = Захаванне…
app-savedAt = Захавана а { $time }
app-check = Праверыць перад адпраўкай
app-markReady = Адзначыць гатовай
app-duplicate = Дубляваць
app-backToList = Усе заяўкі
app-moreActions = Яшчэ…
app-archive = У архіў
app-unarchive = Вярнуць з архіва
app-preflightClean = Падстаў для анулявання не знойдзена — заяўку можна адзначыць гатовай.
app-preflightTitle = Папярэдняя праверка
app-noOrganisations = Спачатку дадайце арганізацыю ў раздзеле «Арганізацыі».
app-form = Форма

status-upcoming = Наперадзе
status-due_today = Сёння
status-overdue = Пратэрмінавана
status-met = Выканана
status-met_late = Выканана са спазненнем
status-passed = Наступіла
status-waiting = Чакаем падзеі
life-waitingFor = Чакаем: { $what }
status-unknown = Не запісана

dash-title = Што наперадзе
dash-days = На бліжэйшыя рабочыя дні
dash-party = Хто дзейнічае
dash-party-all = Усе бакі
dash-ours = Нашы тэрміны
dash-theirs = Тэрміны Аператара
dash-nothing = У гэты перыяд тэрмінаў няма.
dash-ending = Дагаворы, якія заканчваюцца (бліжэйшыя 3 месяцы)
dash-endingNone = У бліжэйшыя 3 месяцы ніводзін дагавор не заканчваецца без перазаключэння.
dash-col-app = Заяўка
dash-exportAll = Каляндар (.ics)
dash-save = Захаваць у файл:
dash-printAll = Графік тэрмінаў па ўсіх заяўках:
dash-calculator = Калькулятар тэрмінаў

life-title = Ход справы
life-state = Стан
life-events = Падзеі
life-noEvents = Падзей пакуль няма. Калі заяўка будзе накіравана Аператару, запішыце гэта тут.
life-record = Запісаць падзею
life-byOperator = Гэта крок Аператара: пры абмене з Аператарам ён запішацца сам. Запішыце ўручную, калі паведамленне Аператара прыйшло іначай (лістом, праз СМДО).
life-event = Падзея
life-date = Дата
life-note = Заўвага
life-save = Запісаць
life-correct = Выправіць дату
life-corrected = выпраўлена
life-recorded = { $who ->
    [sync] атрымана ад Аператара
   *[user] унесена ўручную
} { $at }
life-recordedBy = унесена калегам: { $name }, { $at }
life-deadlines = Тэрміны па заяўцы
life-metOn = выканана
life-exportIcs = Тэрміны ў каляндар (.ics)
life-exported = Захавана { $events } { $events ->
    [one] падзея
    [few] падзеі
   *[many] падзей
}.
life-noNext = Зараз няма чаго запісваць.
life-notice = Чарнавік паведамлення
life-noticeTo = каму: { $to }
life-copy = Капіяваць тэкст
life-copied = Скапіявана
life-void-title = Дагавор не заключаны
life-void-startNew = Пачаць новую заяўку па гэтай форме
life-gaps = Заява не можа вызначыць па запісах:
life-newApplication-text = Змяніўся пералік АП? Паводле п. 3.3 пра гэта паведамляюць новай заяўкай; потым запішыце тут «Накіравана новая заяўка».
life-newApplication-start = Пачаць новую заяўку па гэтай форме
life-unplaced = Гэтыя запісы не ўпісваюцца ў парадак дзеянняў і не ўлічваюцца ў тэрмінах (яны захаваны):
life-correctionOf = выпраўленне запісу ад { $date }
life-bySyncShort = ад Аператара

dash-openApp = Адкрыць заяўку
dash-openAppLabel = Адкрыць заяўку: { $organisation }, { $service }

xlsx-applications = Спіс у Excel
xlsx-due = Тэрміны (Excel)
xlsx-dates = Даты дагавораў і аплаты (Excel)
xlsx-busy = Рыхтуем табліцу…
xlsx-done = Захавана: { $rows } { $rows ->
    [one] радок
    [few] радкі
   *[many] радкоў
}
print-kind = Дакумент
print-application = Заяўка
print-package = Пакет да дагавора
print-schedule = Графік тэрмінаў
print-print = Друк
print-saveAs = Захаваць PDF…
print-busy = Рыхтуем PDF…
print-done = Гатова: { $pages } { $pages ->
    [one] старонка
    [few] старонкі
   *[many] старонак
}.
print-done-replaced = Гатова: { $pages } { $pages ->
    [one] старонка
    [few] старонкі
   *[many] старонак
}. Шрыфт не можа паказаць { $chars }: надрукавана як □.

org-new = Новая арганізацыя
org-empty = Арганізацый пакуль няма. Дадайце першую — яе рэквізіты будуць падстаўляцца ва ўсе заяўкі.
org-listLabel = Спіс арганізацый
org-editTitle = Рэквізіты арганізацыі
org-newTitle = Новая арганізацыя
org-field-name = Найменне
org-field-unp = УНП
org-field-address = Адрас
org-field-email = Электронная пошта
org-hint-unp = 9 лічбаў
org-updated = Зменена
org-archivedTag = у архіве
org-applications = { $count ->
    [0] заявак няма
    [one] { $count } заяўка
    [few] { $count } заяўкі
   *[many] { $count } заявак
}
org-showArchived = Паказаць архіў ({ $count })
org-sameUnp = Арганізацыя з гэтым УНП ужо ёсць: { $names }. Хутчэй за ўсё, гэта яна — адкрыйце яе, каб не заводзіць другую.
org-openOther = Адкрыць «{ $name }»
org-saveAnyway = Усё роўна захаваць яшчэ адну
org-archive = У архіў
org-unarchive = Вярнуць з архіва
org-delete = Выдаліць…
org-deleteConfirm = Выдаліць арганізацыю «{ $name }»? Заявак ад яе імя няма; выдаленне нельга адмяніць.
org-deleteYes = Выдаліць
org-cannotDelete = Выдаліць нельга: ад яе імя аформлена заявак — { $count }. Яе можна адправіць у архіў.
app-newFor = Для арганізацыі

settings-language = Мова інтэрфейсу
settings-window = Гадзіны падтрымкі для тэрмінаў у рабочых гадзінах
settings-windowHint = Напрыклад, 08:00-19:00 (п. 5.5 Парадку ЕИС КВП). Змяненне адразу ўжываецца ў разліках.
settings-leads = Нагадваць пра нашы тэрміны (за колькі рабочых дзён)
settings-termLeads = Нагадваць пра заканчэнне дагавора (за колькі рабочых дзён)
settings-termLeadsHint = Для перазаключэння і падаўжэння дагавора, напрыклад 20, 10, 5, 1: на паперы і подпіс патрэбныя тыдні.
settings-leadsHint = Лікі праз коску, напрыклад 3, 1, 0 (0 — у апошні дзень). Напаміны прыходзяць апавяшчэннямі працоўнага стала і не паўтараюцца.
settings-database = Файл базы даных
settings-version = Версія

party-consumer = Мы (спажывец)
party-operator = Аператар
party-both = Абодва бакі
party-none = —

explain-show = Як разлічаны тэрмін
explain-skipped = Не лічацца
explain-worked = Рабочыя па пераносе
explain-rolled = Перанесена з нерабочага дня
explain-unmoved = Без пераносу
explain-provisional = Папярэдне
explain-clause = Пункт
explain-reason-weekend = выхадны
explain-reason-holiday = свята
explain-reason-transfer = перанос

deadlines-title = Калькулятар тэрмінаў
deadlines-intro = Выберыце паслугу і ўкажыце даты падзей — Заява разлічыць тэрміны па Парадку аператара і пакажа, як атрымана кожная дата.
deadlines-service = Паслуга
deadlines-events = Падзеі
deadlines-facts = Звесткі пра заяўку
deadlines-datePlaceholder = дд.мм.гггг
deadlines-timePlaceholder = дд.мм.гггг гг:хх
deadlines-results = Тэрміны
deadlines-none = Укажыце дату хаця б адной падзеі.
deadlines-col-due = Дата
deadlines-col-what = Што
deadlines-col-who = Хто
deadlines-col-clause = Пункт
deadlines-waiting = Чакаем
deadlines-computing = Разлік…
deadlines-choose = — выберыце —

calendar-title = Вытворчы каляндар
calendar-prev = Папярэдні месяц
calendar-next = Наступны месяц
calendar-month = Месяц
calendar-year = Год
calendar-today = Сёння
calendar-deadlines = тэрміны: { $list }
calendar-provisional = Пераносы рабочых дзён на гэты год Заяве невядомыя: даты, разлічаныя праз яго, папярэднія. Дадайце пераносы ніжэй, калі выйдзе пастанова.
calendar-source = Крыніца
calendar-legend-working = Рабочы дзень
calendar-legend-weekend = Выхадны
calendar-legend-holiday = Свята
calendar-legend-transferOff = Выхадны па пераносе
calendar-legend-transferWork = Рабочы па пераносе
calendar-legend-deadline = Ваш тэрмін (націсніце на дзень)
calendar-transfers = Пераносы рабочых дзён
calendar-transfersFor = Пераносы ў { $year } годзе
calendar-origin-embedded = убудавана ў Заяву
calendar-origin-user = уведзена ўручную
calendar-origin-operator = атрымана ад аператара
calendar-dayOff = Выхадны дзень
calendar-workingDay = Рабочы дзень замест яго
calendar-addMove = Дадаць перанос
calendar-removeMove = Выдаліць
calendar-sourceHint = Пастанова Савета Міністраў: нумар і дата
calendar-reset = Адмяніць ручныя змяненні
calendar-resetYes = Так, адмяніць
calendar-resetConfirm = Адмяніць пераносы на { $year } год, уведзеныя ўручную? Вернуцца ўбудаваныя ў Заяву (або іх не будзе), і тэрміны пералічацца.
calendar-badDate = Радок { $line }: увядзіце дату ў выглядзе дд.мм.гггг.
calendar-noMoves = Пераносаў няма.
calendar-recomputing = Пералічваю тэрміны заяў: { $done } з { $of }

weekday-short = Пн,Аў,Ср,Чц,Пт,Сб,Нд

month-names = Студзень,Люты,Сакавік,Красавік,Май,Чэрвень,Ліпень,Жнівень,Верасень,Кастрычнік,Лістапад,Снежань

startup-failed = Праграма не змагла адкрыць свае даныя

sync-title = Абмен з серверам
sync-off = Не наладжаны — укажыце адрас і токен доступу ў Наладах
sync-pending = Чакаюць адпраўкі
sync-rejected = Адхілена
sync-conflicts = Канфлікты
sync-account = Уліковы запіс
sync-user = Вы
sync-role-reader = толькі прагляд
sync-role-editor = рэдактар
sync-role-admin = адміністратар
sync-last = Апошні абмен
sync-never = яшчэ не было
sync-now = Сінхранізаваць зараз
sync-running = Ідзе абмен…
sync-phase-push = Адпраўка змяненняў: { $done } з { $total }
sync-phase-pull = Атрыманне падзей ад Аператара: { $received }
sync-phase-data = Каляндар і правілы
sync-done = Гатова: адпраўлена { $pushed }, атрымана { $pulled }.
sync-url = Адрас сервера абмену
sync-urlHint = Адрас сервера абмену: Аператара або вашай арганізацыі; пачынаецца з https://. Пустое поле выключае абмен.
sync-token = Токен доступу
sync-tokenHint = Ключ выдае адміністратар сервера (у Аператара або ў вашай арганізацыі). Захоўваецца ў абароненым сховішчы пароляў сістэмы, а не ў базе і не ў файлах.
sync-tokenSaved = Токен захаваны ў сховішчы пароляў
sync-tokenMissing = Токен не захаваны
sync-tokenForget = Выдаліць токен
sync-tokenForgetYes = Так, выдаліць ключ
sync-tokenForgetConfirm = Выдаліць ключ доступу са сховішча пароляў? Абмен спыніцца, пакуль вы не ўвядзеце ключ зноў.
sync-issues = Што не ўдалося пры абмене
sync-issueDetail = Падрабязнасці (для адміністратара)
sync-subject-events = падзеі ад Аператара
sync-subject-rulebook = правілы тэрмінаў
sync-subject-calendar-transfers = пераносы працоўных дзён
sync-issuesDismiss = Схаваць прачытанае
sync-retryRefused = Адправіць адхіленае зноў
sync-conflict-title = Заяўка зменена і ў вас, і ў Аператара
sync-conflict-application = Заяўка { $number }
sync-conflict-items = { $count ->
    [one] { $count } запіс
    [few] { $count } запісы
   *[many] { $count } запісаў
}
sync-conflict-field = Поле
sync-conflict-mine = У вас
sync-conflict-theirs = У Аператара
sync-conflict-keepMine = Пакінуць маю версію
sync-conflict-takeTheirs = Прыняць версію Аператара
sync-conflict-title-colleague = Заяўка зменена і ў вас, і ў калегі: { $name }
sync-conflict-their-time = Іншая версія захавана { $at }
sync-conflict-takeColleague = Прыняць версію калегі
sync-readOnly-notice = Вы ўвайшлі як чытач уліковага запісу «{ $account }»: тут можна глядзець, але не змяняць. Правы на змены дае адміністратар уліковага запісу.
sync-conflict-mark = канфлікт
sync-conflict-open = Адкрыць заяўку з канфліктам
sync-conflict-keptMine = Пакінута ваша версія: яна пойдзе на сервер пры наступным абмене.
sync-conflict-tookTheirs = Прынята іншая версія: цяпер яна і ў вас.
sync-issue-sync-rejected = Аператар адхіліў змяненне
sync-issue-sync-unknown_application = Падзея для заяўкі, якой няма на гэтым камп’ютары
sync-issue-sync-unreadable_event = Незразумелая падзея ад Аператара прапушчана
sync-issue-sync-refused_event = Падзея Аператара не адпавядае гісторыі заяўкі
sync-issue-sync-cursor_backwards = Сервер Аператара вярнуўся да старых падзей; пазіцыя абмену захавана
sync-issue-sync-bad_response = Сервер Аператара адказаў незразумела
sync-issue-sync-refused_calendar = Каляндар ад Аператара не прыняты
sync-issue-sync-newer_rulebook = Аператар апублікаваў новую рэдакцыю правілаў; абнавіце праграму
sync-issue-sync-colleague_change_waits = Змяненне, унесенае калегам, пакуль не ўдалося прымяніць на гэтым камп'ютары; яно захавана, і праграма паўторыць спробу пры наступным абмене

app-operator-registration_number = Рэгістрацыйны нумар у Аператара
app-operator-contract_number = Нумар дагавора
app-operator-remarks = Заўвагі Аператара
app-outgoing-legend = Зыходны ліст
app-outgoing-number = Зыходны №
app-outgoing-date-label = ад
app-outgoing-next = Прысвоіць наступны нумар
app-outgoing-hint = Нумар і дата друкуюцца ў суправаджальным лісце і ў заяўцы. Нумары вядуцца па ліку арганізацыі.
app-outgoing-needs-organisation = Каб прысвоіць нумар па ліку, выберыце арганізацыю; свой нумар можна ўвесці і без яе.

backup-title = Рэзервовыя копіі
backup-hint = Кожны дзень і перад кожным абнаўленнем праграмы Заява сама захоўвае копію базы (захоўваюцца апошнія 7). Копію можна захаваць у файл і аднавіць даныя з копіі.
backup-save = Захаваць копію ў файл…
backup-fromFile = Аднавіць з файла…
backup-restore = Аднавіць
backup-restoreOf = Аднавіць копію ад { $date }
backup-none = Аўтаматычных копій пакуль няма.
backup-kind-daily = штодзённая
backup-kind-migration = перад абнаўленнем
backup-kind-restore = перад аднаўленнем
backup-kind-damaged = пашкоджаная база
backup-kind-other = копія
backup-staged = Копія праверана і будзе адноўлена:
backup-stagedHint = Праграма перазапусціцца і адкрые даныя з копіі. Цяперашняя база захаваецца сярод рэзервовых копій.
backup-restart = Перазапусціць і аднавіць

recovery-damaged = База даных пашкоджана
recovery-fromBackup = Аднавіць з рэзервовай копіі
recovery-fresh = Пачаць з новай базы (пашкоджаная будзе захавана)
recovery-freshYes = Так, пачаць з новай базы
recovery-freshConfirm = Пашкоджаная база будзе адкладзена ўбок (яе файл захаваецца побач), і Заява пачне з пустой базы: арганізацыі і заяўкі давядзецца аднавіць з рэзервовай копіі або ўнесці нанова. Працягнуць?
mail-prepare = Падрыхтаваць ліст
mail-save = Захаваць ліст…
mail-to = Чарнавік ліста на { $to } адкрыецца ў вашай паштовай праграме; адпраўляеце яго вы.
mail-ready = Чарнавік ліста на { $to } адкрыты ў паштовай праграме. Калі адправіце яго, адзначце гэта:
mail-record = Запісаць «{ $event }» — { $date }
mail-notYet = Яшчэ не адпраўлена
mail-recorded = Запісана: «{ $event }» — { $date }.
mail-applicationHint = Парадак дазваляе накіраваць заяўку па электроннай пошце на { $to }: ліст з заяўкай у PDF адкрыецца як чарнавік.
