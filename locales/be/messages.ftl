# What the program says outside the window (errors, explanations, documents, the terminal), in Belarusian.
# Read by zayava-core's catalogue (crates/zayava-core/src/i18n.rs). Placeholders are { $name }; every language has the same ids and placeholders (a test checks it).

## crates/zayava-app/src/error.rs
app-error-invalid = Праверце вылучаныя палі.
app-error-bad-input = Значэнне не падыходзіць; нічога не зменена.
app-error-no-data-dir = Сістэма не паведаміла тэчку для даных праграмы, таму база даных і рэзервовыя копіі недаступныя. Задайце шлях да базы ў зменнай асяроддзя ZAYAVA_DB.
app-error-not-damaged = База даных не пашкоджана: пачынаць з новай базы не трэба, вашы даныя на месцы.
app-error-not-found = Запіс не знойдзены — магчыма, ён быў выдалены.
app-error-database = Не ўдалося захаваць або прачытаць даныя. Нічога не страчана; паспрабуйце яшчэ раз.
app-error-not-ready = Заяўку нельга адзначыць гатовай: папярэдняя праверка знайшла падставы для анулявання.
app-error-too-large = Файл або даныя большыя за дапушчальныя { $mb } МБ.
app-error-file = Не ўдалося апрацаваць файл: { $detail }
app-error-unknown-form = Невядомая паслуга або версія формы: { $what }
app-error-newer = Гэта база даных створана навейшай версіяй Заявы (версія схемы { $found }, гэта праграма ведае да { $supported }). Усталюйце новую версію праграмы. Файл не зменены.
app-error-damaged = Файл базы даных пашкоджаны ({ $detail }). Аднавіце даныя з рэзервовай копіі або пачніце з новай базы — пашкоджаны файл будзе захаваны ў тэчцы рэзервовых копій.
app-error-not-a-backup = Файл «{ $file }» — не база даных Заявы і не яе рэзервовая копія. Нічога не зменена.
app-error-in-use = База даных ужо адкрыта ў іншым акне Заявы. Закрыйце яго і паспрабуйце зноў.
app-error-disk-full = Дыск запоўнены: змяненне не захавана, ранейшыя даныя не кранутыя. Вызваліце месца на дыску і паўтарыце.
app-error-sent-locked = Заяўка ўжо накіравана Аператару, таму яе форма закрыта для рэдагавання. Каб змяніць яе, націсніце «Змяніць адпраўленую заяўку».
app-error-no-organisation = Выберыце арганізацыю: заяўка афармляецца ад яе імя. Калі арганізацый яшчэ няма, дадайце сваю ў раздзеле «Арганізацыі».
app-error-organisation-in-use = Гэтую арганізацыю нельга выдаліць: ад яе імя аформлена заявак — { $count }. Адпраўце яе ў архіў: заяўкі застануцца, а са спісаў яна знікне.
app-error-startup = Не ўдалося адкрыць базу даных: { $detail }
app-error-internal = Унутраная памылка Заявы: дзеянне не выканана. Даныя не зменены; паспрабуйце яшчэ раз, а калі паўторыцца — паведаміце распрацоўшчыкам.
app-error-unknown-pdf-kind = Такога дакумента для друку няма: «{ $kind }». Выберыце заяўку, пакет да дагавора або графік тэрмінаў.
app-error-unknown-form-print = Заяўка захавана па версіі формы «{ $version }», якой няма ў гэтай праграме, таму яе нельга надрукаваць. Усталюйце новую версію Заявы.
app-error-all-is-a-schedule = Для ўсіх заявак адразу друкуецца толькі графік тэрмінаў.
app-error-bad-application-file = Файл заяўкі не чытаецца: { $detail }. Чакаецца JSON выгляду {"{"}"service", "organisation", "values", "events"{"}"}.
app-error-cannot-open = Дакумент гатовы, але на гэтым камп’ютары яго не адкрыла ніводная праграма для PDF. Выберыце, куды яго захаваць.
app-error-cannot-open-mail = Ліст гатовы, але на гэтым камп'ютары яго не адкрыла ніводная паштовая праграма. Выберыце, куды яго захаваць, і адкрыйце файл у сваёй пошце.
app-error-no-inbox = Для гэтага ліста парадак не называе адраса электроннай пошты. Адпраўце яго так, як сказана ў парадку: нарочна, поштай або праз СМДА.
app-error-read-only = Ва ўліковым запісе «{ $account }» вы можаце глядзець працу, але не змяняць яе. Каб уносіць змены, папрасіце адміністратара ўліковага запісу даць вам ролю рэдактара.
app-error-mail-too-large = Укладанні важаць больш за { $mb } МБ — паштовы сервер такі ліст не прыме. Ліст не падрыхтаваны; адпраўце дакументы інакш або часткамі.
app-error-spreadsheet = Табліцу Excel скласці не ўдалося; файл не запісаны. Паспрабуйце яшчэ раз; калі не атрымаецца, паведаміце распрацоўшчыкам.
app-error-bad-window = Укажыце гадзіны падтрымкі ў выглядзе ГГ:ХХ–ГГ:ХХ, пачатак раней за канец (напрыклад, 08:00–19:00).
app-error-bad-term-leads = Укажыце, за колькі рабочых дзён да заканчэння дагавора нагадваць, лікамі праз коску (ад 0 да 60), напрыклад: 20, 10, 5, 1.
app-error-bad-leads = Укажыце, за колькі рабочых дзён нагадваць, лікамі праз коску (ад 0 да 60), напрыклад: 3, 1, 0.

## crates/zayava-app/src/ics.rs
app-ics-calendar-name = Заява: тэрміны
app-xlsx-sheet-applications = Заяўкі
app-xlsx-sheet-due = Тэрміны
app-xlsx-sheet-dates = Даты дагавораў і аплаты
app-xlsx-number = Нумар заяўкі
app-xlsx-organisation = Арганізацыя
app-xlsx-service = Паслуга
app-xlsx-stage = Стадыя
app-xlsx-updated = Зменена
app-xlsx-due = Тэрмін
app-xlsx-date = Дата
app-xlsx-what = Што
app-xlsx-who = Хто
app-xlsx-state = Стан
app-xlsx-clause = Пункт
app-printing-file-name = Заяўка { $number } — { $kind }.pdf
app-printing-file-name-unnumbered = Заяўка — { $kind }.pdf
app-printing-file-name-all = Графік тэрмінаў — усе заяўкі.pdf
app-printing-kind-application = бланк заяўкі
app-printing-kind-package = пакет дакументаў
app-printing-kind-schedule = графік тэрмінаў

## crates/zayava-cli/src/timeline.rs
cli-timeline-not-utf8 = Радок { $line } не ў кадзіроўцы UTF-8.
cli-timeline-blank = Радок { $line } пусты: чакаўся JSON-аб’ект.

## crates/zayava-core/src/calendar/holidays.rs
core-calendar-holidays-new-years-day = Новы год
core-calendar-holidays-new-year-holiday = Новы год
core-calendar-holidays-orthodox-christmas = Нараджэнне Хрыстова (праваслаўнае)
core-calendar-holidays-womens-day = Дзень жанчын
core-calendar-holidays-labour-day = Свята працы
core-calendar-holidays-victory-day = Дзень Перамогі
core-calendar-holidays-independence-day = Дзень Незалежнасці
core-calendar-holidays-october-revolution-day = Дзень Кастрычніцкай рэвалюцыі
core-calendar-holidays-catholic-christmas = Нараджэнне Хрыстова (каталіцкае)
core-calendar-holidays-radunitsa = Радаўніца

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-error-unknown-service-service-known-known = Невядомая паслуга «{ $service }». Вядомыя: { $known }.
core-deadlines-error-unknown-event-event-for-service = Невядомая падзея «{ $event }» для паслугі { $service }. Вядомыя: { $known }.
core-deadlines-error-unknown-fact-fact-known-known = Невядомы факт «{ $fact }». Вядомыя: { $known }.
core-deadlines-error-unknown-rule-rule-for-service = Невядомае правіла «{ $rule }» для паслугі { $service }.
core-deadlines-error-event-event-value-is-not = Падзея «{ $event }»: «{ $value }» — не дата. Увядзіце дату як дд.мм.гггг (або гггг-мм-дд), з часам — дд.мм.гггг гг:хх.
core-deadlines-error-event-event-the-date-value = Падзея «{ $event }»: даты { $value } не існуе.
core-deadlines-error-event-event-is-counted-in = Падзея «{ $event }» лічыцца ў хвілінах або гадзінах: пакажыце і час, напрыклад { $value } 09:30.
core-deadlines-error-event-event-is-given-twice = Падзея «{ $event }» указана двойчы.
core-deadlines-error-fact-fact-value-is-not = Факт «{ $fact }»: значэнне «{ $value }» не падыходзіць; трэба { $expected }.
core-deadlines-error-the-date-date-is-outside = Дата { $date } па-за перыядам, які падтрымлівае праграма ({ $first }–{ $last }).
core-deadlines-error-malformed-input-detail = Няправільны фармат уваходных даных: { $detail }

## crates/zayava-core/src/deadlines/explain.rs
core-deadlines-explain-the-same-day-as = у той жа дзень, што і
core-deadlines-explain-the-calendar-day-after = на наступны каляндарны дзень пасля
core-deadlines-explain-the-first-day-of-the = з першага чысла месяца, наступнага за
core-deadlines-explain-31-december-of-the-same = 31 снежня таго ж года, што і
core-deadlines-explain-31-december-of-the-year = 31 снежня года, наступнага за годам, калі
core-deadlines-explain-the-month-of = месяц, на які прыпадае
core-deadlines-explain-by-a-facts-value = паводле значэння факта
core-deadlines-explain-provisional = Пераносы рабочых дзён на { $years } год Заяве яшчэ невядомыя: дата папярэдняя і можа зрушыцца, калі выйдзе пастанова Савета Міністраў. Дадайце пераносы ў раздзеле «Каляндар».
core-deadlines-explain-waiting = Тэрмін яшчэ не вызначаны: чакаем { $what }.

## crates/zayava-core/src/forms/check.rs
core-forms-check-not-text = чакаецца тэкст.
core-forms-check-not-date = дата ў выглядзе дд.мм.гггг.
core-forms-check-not-integer = цэлы лік.
core-forms-check-out-of-range = лік па-за дапушчальнымі межамі.
core-forms-check-not-choice = выберыце адзін з варыянтаў.
core-forms-check-not-flag = так або не.
core-forms-check-not-attachment = файл не знойдзены сярод укладанняў.
core-forms-check-not-list = чакаецца спіс.

## crates/zayava-core/src/lifecycle/batch.rs
core-lifecycle-batch-malformed = Радок { $line } не разабраны: { $detail }
core-lifecycle-batch-bad-now = «now» павінна быць часам ГГГГ-ММ-ДДTГГ:ХХ, а не «{ $value }».
core-lifecycle-batch-event-at = Падзея { $n } («{ $event }»): { $message }

## crates/zayava-core/src/lifecycle/mod.rs
core-lifecycle-late = «{ $event }» { $date } — на { $days } пазней за тэрмін { $due }.
core-lifecycle-unknown = Атрыманне дагавора Аператарам не запісана: запішыце дату, калі Аператар атрымаў падпісаны дагавор, — без яе нельга сказаць, ці заключаны дагавор.
core-lifecycle-round = круг { $n }
core-lifecycle-in-time = У тэрмін: «{ $event }» { $date }.
core-lifecycle-stake-open = Засталося { $left }: падпісаны дагавор павінен паступіць Аператару да { $due } уключна, інакш ён не заключаны.
core-lifecycle-stake-today = Сёння апошні дзень: падпісаны дагавор павінен паступіць Аператару сёння, інакш ён не заключаны.
core-lifecycle-stake-sent = Дагавор накіраваны, чакаем атрымання Аператарам — не пазней за { $due }.

## crates/zayava-core/src/operator_number.rs
core-operator-number-the-operators-registration-number = Рэгістрацыйны нумар Аператара
core-operator-number-contract-number = Нумар дагавора
core-operator-number-field = Поле

## crates/zayava-core/src/validation/batch.rs
core-validation-batch-the-line-is-longer-than = Радок даўжэйшы за { $n } байтаў.
core-validation-batch-malformed-line-e-expected-field = Няправільны фармат радка: { $e }. Чакаецца {"{"}"field": …, "value": …{"}"}.
core-validation-batch-unknown-field-f-known-k = Невядомае поле «{ $f }». Вядомыя: { $k }.
core-validation-batch-label-the-value-must-be = { $label }: значэнне павінна быць радком.
core-validation-batch-label-no-value-given = { $label }: значэнне не ўказана.
core-validation-batch-label-valid = { $label }: правільна.

## crates/zayava-core/src/validation/identifiers.rs
core-validation-identifiers-unp = УНП
core-validation-identifiers-account-iban = Разліковы рахунак (IBAN)
core-validation-identifiers-bank-bic = БІК банка
core-validation-identifiers-e-mail = Электронная пошта
core-validation-identifiers-phone = Тэлефон
core-validation-identifiers-postcode = Паштовы індэкс
core-validation-identifiers-administrative-procedure-code = Код адміністрацыйнай працэдуры
core-validation-identifiers-a-unp-is-9-digits = УНП — 9 лічбаў (першая — код вобласці, 1–7); у індывідуальнага прадпрымальніка першыя два знакі — літары.
core-validation-identifiers-the-unps-check-digit-does = не супадае кантрольная лічба УНП — праверце, ці няма апячаткі.
core-validation-identifiers-an-iban-by-2-digits = рахунак у фармаце IBAN: BY, 2 лічбы, 4 літары кода банка, 4 лічбы, 16 літар або лічбаў (28 сімвалаў).
core-validation-identifiers-the-ibans-check-digits-do = не супадаюць кантрольныя лічбы IBAN — праверце, ці няма апячаткі.
core-validation-identifiers-a-bic-is-8-or = БІК — 8 або 11 лацінскіх літар і лічбаў, напрыклад AKBBBY2X.
core-validation-identifiers-an-address-like-name-example = адрас выгляду name@example.by.
core-validation-identifiers-a-number-in-375-xx = беларускі нумар: +375 29 123-45-67 або 8 029 123-45-67.
core-validation-identifiers-375-must-be-followed-by = пасля +375 трэба 9 лічбаў: код і нумар.
core-validation-identifiers-unknown-operator-or-area-code = невядомы код аператара або горада (чакаецца 25, 29, 33, 44 або код горада, напрыклад 17).
core-validation-identifiers-a-postcode-is-6-digits = паштовы індэкс — 6 лічбаў, напрыклад 220140.
core-validation-identifiers-a-procedure-code-from-the = код працэдуры з пераліку, напрыклад 1.1.5.

## crates/zayava-core/src/validation/mod.rs
core-validation-the-field-field-is-required = Поле «{ $field }» абавязковае для запаўнення.
core-validation-the-field-field-is-longer = Поле «{ $field }» даўжэйшае за { $limit } сімвалаў.
core-validation-the-field-field-is-malformed = Поле «{ $field }» запоўнена няправільна: { $hint }
core-validation-the-field-field-hint = Поле «{ $field }»: { $hint }
core-validation-the-list-field-needs-at = У спісе «{ $field }» павінна быць не менш за { $limit }.
core-validation-the-list-field-may-hold = У спісе «{ $field }» можа быць не больш за { $limit }.
core-validation-the-field-field-must-equal = Поле «{ $field }» павінна супадаць з колькасцю пералічаных у заяўцы: зараз іх { $limit }.
core-validation-the-date-field-is-in-future = Поле «{ $field }»: дакумент не можа мець дату пазней за сённяшні дзень — пазначце дату, якая на ім стаіць.

## crates/zayava-pdf/src/documents.rs
pdf-documents-yes = так
pdf-documents-no = не
pdf-documents-page = стар. { $n } з { $total }
pdf-documents-consumer = Звесткі пра спажыўца
pdf-documents-no-organisation = Арганізацыя не выбрана.
pdf-documents-number = Заяўка №
pdf-documents-sign-head = Кіраўнік (упаўнаважаная асоба) спажыўца:
pdf-documents-signature = подпіс
pdf-documents-name = прозвішча, ініцыялы
pdf-documents-date = дата
pdf-documents-seal = М.П.
pdf-documents-prerequisites = Умовы і пацвярджэнні
pdf-documents-details = Звесткі заяўкі
pdf-documents-attached = прыкладзены файл
pdf-documents-not-attached = не прыкладзена
pdf-documents-schedule = Графік тэрмінаў
pdf-documents-schedule-of = Графік тэрмінаў — { $service }
pdf-documents-date-2 = Дата
pdf-documents-what = Што
pdf-documents-who = Хто
pdf-documents-clause = Пункт
pdf-documents-state = Стан
pdf-documents-application-col = Заяўка
pdf-documents-cover = Пакет дакументаў да дагавора
pdf-documents-qr-caption = Код: нумар заяўкі і кантрольная сума яе зместу
pdf-documents-field-clause = { $label } (п. { $clause })
pdf-documents-empty-schedule = Тэрмінаў пакуль няма: падзеі па заяўцы не запісаны.

## crates/zayava-core/src/calendar/transfers.rs
core-transfers-year-out-of-range = Год { $year } па-за межамі падтрымліваемага перыяду (1990–2150).
core-transfers-missing-source = Пакажыце крыніцу: нумар і дату пастановы Савета Міністраў.
core-transfers-wrong-year = Радок { $line }: дата { $date } не адносіцца да { $year } года.
core-transfers-day-off-on-weekend = Радок { $line }: { $date } — ужо субота або нядзеля; выхадным праз перанос можа стаць толькі будны дзень.
core-transfers-working-day-on-weekday = Радок { $line }: { $date } — будны дзень; рабочым праз перанос можа стаць толькі субота або нядзеля.
core-transfers-duplicate = Радок { $line }: дата { $date } указана двойчы.

## crates/zayava-core/src/calendar/view.rs
core-calendar-day-off-by-transfer = Выхадны праз перанос; адпрацоўваецца { $date }
core-calendar-working-by-transfer = Рабочы дзень праз перанос замест { $date }

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-expected-positive = цэлы дадатны лік
core-deadlines-expected-one-of = адно з: { $values }
core-deadlines-expected-covered = значэнне, для якога правіла задае тэрмін

## crates/zayava-core/src/rules/mod.rs
core-party-consumer = спажывец
core-party-operator = Аператар
core-party-both = абодва бакі

## crates/zayava-core/src/deadlines/explain.rs
core-period-working-days = { $n } { $n ->
    [one] рабочы дзень
    [few] рабочыя дні
   *[many] рабочых дзён
} пасля
core-period-working-days-before = { $n } { $n ->
    [one] рабочы дзень
    [few] рабочыя дні
   *[many] рабочых дзён
} да
core-period-calendar-days = { $n } { $n ->
    [one] каляндарны дзень
    [few] каляндарныя дні
   *[many] каляндарных дзён
} пасля
core-period-calendar-days-before = { $n } { $n ->
    [one] каляндарны дзень
    [few] каляндарныя дні
   *[many] каляндарных дзён
} да
core-period-calendar-months = { $n } { $n ->
    [one] месяц
    [few] месяцы
   *[many] месяцаў
} пасля
core-period-minutes = { $n } { $n ->
    [one] хвіліна
    [few] хвіліны
   *[many] хвілін
} пасля
core-period-hours = { $n } { $n ->
    [one] гадзіна
    [few] гадзіны
   *[many] гадзін
} пасля
core-period-working-hours = { $n } { $n ->
    [one] рабочая гадзіна
    [few] рабочыя гадзіны
   *[many] рабочых гадзін
} (рабочыя дні, { $hours }) пасля
core-period-working-hours-weekdays = { $n } { $n ->
    [one] рабочая гадзіна
    [few] рабочыя гадзіны
   *[many] рабочых гадзін
} (рабочыя дні акрамя субот і нядзель, { $hours }) пасля
core-explain-saturday = субота
core-explain-sunday = нядзеля
core-explain-weekday = будны дзень
core-explain-not-a-support-day = { $day } (рабочая праз перанос, але не дзень падтрымкі)
core-explain-day-off-by-transfer = выхадны праз перанос (адпрацоўка { $date })
core-explain-source = Падстава: п. { $clause }, { $source }.
core-explain-fact = «{ $fact }»
core-explain-in-force-from = Правіла дзейнічае з { $date }; падзея адбылася раней.
core-explain-sentence = { $title }: { $period } { $base_at } («{ $base }») → { $due }.
core-explain-rolled = { $date } — непрацоўны дзень, тэрмін пераносіцца на наступны рабочы дзень (арт. 192 ГК).
core-explain-skipped = Не лічацца: { $list }.
core-explain-worked = Рабочыя праз перанос: { $list }.

## crates/zayava-core/src/forms/preflight.rs
core-preflight-clause = п. { $clause }
core-preflight-not-ticked = не адзначана: «{ $label }»
core-preflight-not-attached = не дададзены файл: «{ $label }»
core-preflight-no-organisation = не выбрана арганізацыя-заяўнік.
core-or = або
core-preflight-tick-one = пры { $when } адзначце { $options }.
core-preflight-confirm = Заява не бачыць разлікаў з Аператарам — пацвердзіце: «{ $label }».

## crates/zayava-core/src/lifecycle/mod.rs
core-quoted = «{ $text }»
core-lifecycle-error-unknown-event = Падзея «{ $event }» не адносіцца да гэтай паслугі.
core-lifecycle-error-impossible = Нельга запісаць «{ $event }»: заяўка зараз у стане «{ $state }». Зараз магчыма: { $allowed }.
core-lifecycle-error-before-previous = «{ $event }» { $date } не можа быць раней за папярэднюю падзею «{ $previous }» { $previous_date }.
core-lifecycle-error-in-future = «{ $event }» { $date } — дата яшчэ не настала; запісваюцца толькі падзеі, якія адбыліся.
core-lifecycle-error-nothing-to-correct = Запіс, які трэба выправіць, не знойдзены ў гісторыі гэтай заяўкі. Адкрыйце заяўку нанова і націсніце «Выправіць дату» каля патрэбнага запісу.
core-lifecycle-error-correction-of-other = Выпраўленне павінна адносіцца да той жа падзеі «{ $event }».
core-lifecycle-error-precondition = Нельга запісаць «{ $event }»: { $reason } (п. { $clause }). Спачатку запішыце { $missing }.
core-lifecycle-gap = «{ $event }» запісана, а { $missing } — не: { $reason } (п. { $clause }).
core-status-upcoming = наперадзе
core-status-due-today = сёння
core-status-overdue = пратэрмінавана
core-status-met = выканана
core-status-met-late = выканана са спазненнем
core-status-passed = надышла
core-status-waiting = чакаем падзеі
core-status-unknown = не запісана
core-lifecycle-working-days = { $n } { $n ->
    [one] рабочы дзень
    [few] рабочыя дні
   *[many] рабочых дзён
}
core-lifecycle-days = { $n } { $n ->
    [one] дзень
    [few] дні
   *[many] дзён
}

## crates/zayava-core/src/reminders.rs
core-reminder-term-last-day = Сёння апошні дзень дагавора ({ $organisation }).
core-reminder-term-ends = Дагавор заканчваецца { $due } ({ $organisation }): падоўжыце або перазаключыце яго загадзя.
core-reminder-missed = Тэрмін скончыўся { $due }: { $title } ({ $organisation })
core-reminder-last-day = Сёння апошні дзень: { $title } ({ $organisation })
core-reminder-by = Да { $due }: { $title } ({ $organisation })
core-reminder-title = Заява: тэрмін
core-ics-done = Выканана: { $title }

## crates/zayava-store/src/lifecycle.rs
store-parked-event = Прыйшло ад Аператара ({ $at }) і будзе ўлічана само, як толькі парадак дзеянняў гэта дазволіць. { $why }

## crates/zayava-sync/src/error.rs
sync-error-not-configured = Адрас сервера абмену не зададзены. Увядзіце ў Наладах адрас, які паведаміў Аператар.
sync-error-bad-url = Адрас сервера абмену «{ $url }» не падобны на адрас сайта. Увядзіце яго так, як паведаміў Аператар, напрыклад https://api.nces.by.
sync-error-no-scheme = У адрасе сервера абмену не хапае https:// у пачатку. Увядзіце яго так: https://{ $url }
sync-error-not-https = Адрас сервера абмену павінен пачынацца з https:// (абароненае злучэнне): «{ $url }». Замяніце http:// на https://.
sync-error-no-token = Ключ доступу да сервера абмену не захаваны. Увядзіце ключ, выдадзены Аператарам, у Наладах.
sync-error-unauthorized = Аператар не прыняў токен доступу. Увядзіце новы токен у Наладах.
sync-error-unreachable = Сервер абмену не адказвае — праверце падключэнне да інтэрнэту. Вашы змены захаваныя і пойдуць пры наступным абмене. (Для адміністратара: { $why })
sync-error-bad-response = Сервер абмену адказаў так, што Заява не можа гэта прачытаць; на камп’ютары нічога не змянілася. Калі гэта паўтараецца, паведаміце Аператару. (Для адміністратара: { $why })
sync-error-no-keyring = Сістэмнае сховішча пароляў недаступнае, таму токен доступу нельга захаваць. У Linux патрэбна служба Secret Service (GNOME Keyring або KWallet), у Windows — Дыспетчар уліковых даных.
sync-error-keyring = Сховішча пароляў сістэмы не выдала ключ доступу. Перазапусціце камп’ютар або звярніцеся да адміністратара. (Для адміністратара: { $why })
sync-error-store = Не ўдалося запісаць атрыманае ў базу на гэтым камп’ютары; нічога не страчана — абмен паўторыцца сам. (Для адміністратара: { $why })

## crates/zayava-pdf/src/subject.rs
pdf-schedule-of-all = Графік тэрмінаў па ўсіх заяўках

## crates/zayava-cli
cli-col-number = Нумар
cli-col-service = Паслуга
cli-col-organisation = Арганізацыя
cli-col-stage = Стадыя
cli-col-id = Id
cli-no-applications = Заявак не знойдзена.
cli-to-fix = Што выправіць:
cli-draft-created = Створаны чарнавік { $number } ({ $service }): { $id }
cli-ready = Заяўка { $number } гатовая да адпраўкі.
cli-archived = Заяўка { $number } перанесена ў архіў.
cli-outgoing = Заяўка { $number }: зыходны № { $outgoing } ад { $date }. Ён друкуецца ў суправаджальным лісце і ў заяўцы.
cli-unarchived = Заяўка { $number } вернута з архіва.
cli-col-due = Тэрмін
cli-col-party = Бок
cli-col-rule = Правіла
cli-col-clause = Пункт
cli-no-dates = Няма тэрмінаў: не ўказана ніводная з падзей гэтай паслугі.
cli-provisional = папярэдне
cli-nothing-due = { $n ->
    [one] На бліжэйшы { $n } рабочы дзень тэрмінаў няма.
    [few] На бліжэйшыя { $n } рабочыя дні тэрмінаў няма.
   *[many] На бліжэйшыя { $n } рабочых дзён тэрмінаў няма.
}
cli-col-status = Статус
cli-col-what = Што
cli-col-who = Хто
cli-col-application = Заяўка
cli-col-no = №
cli-col-when = Калі
cli-col-event = Падзея
cli-col-recorded-by = Хто запісаў
cli-col-note = Заўвага
cli-by-user = карыстальнік
cli-by-sync = Аператар (сінхранізацыя)
cli-by-colleague = { $name } (калега, сінхранізацыя)
cli-corrected = { $event } (выпраўлена)
cli-no-events = Падзей пакуль няма.
cli-next-events = Далей можна запісаць: { $events }
cli-event-recorded = Запісана падзея №{ $id } ({ $at }). Цяпер: { $state }
cli-preflight-clean = Папярэдняя праверка пройдзена: падстаў для анулявання не знойдзена.
cli-imported = Арганізацый: дададзена { $orgs_added }, ужо былі { $orgs_here }; заявак: дададзена { $apps_added }, ужо былі { $apps_here }; укладанняў: { $files }
cli-ics-written = { $path }: падзей { $n }
cli-xlsx-written = { $path }: радкоў { $n }
cli-no-dates-yet = Дат пакуль няма: ні па адной заяўцы не запісаныя падзеі, ад якіх яны лічацца.
cli-info-database = База даных
cli-info-organisations = Арганізацый
cli-info-applications = Заявак
cli-info-language = Мова
cli-internal = унутраная памылка, каманда спынена ({ $what }). Паведаміце, калі ласка, распрацоўшчыкам.
cli-col-unp = УНП
cli-col-name = Найменне
cli-col-changed = Зменена
cli-organisation-added = Дададзена арганізацыя №{ $id }: { $name }
cli-organisation-archived = Арганізацыя «{ $name }» адпраўлена ў архіў.
cli-organisation-unarchived = Арганізацыя «{ $name }» вернута з архіва.
cli-organisation-deleted = Арганізацыя «{ $name }» выдалена.
cli-pdf-written = { $path }: { $pages ->
    [one] { $pages } старонка
    [few] { $pages } старонкі
   *[many] { $pages } старонак
}, { $bytes } байтаў
cli-pdf-replaced = Шрыфт не можа паказаць «{ $chars }»; гэтыя знакі надрукаваныя як □.
cli-restored = Адноўлена з { $file } (версія схемы { $version }): арганізацый { $orgs }.
cli-sync-push = адпраўлена: { $done } з { $total }
cli-sync-pull = атрымана: { $received }
cli-sync-data = каляндар і правілы
cli-sync-report = адпраўлена { $sent }, адхілена { $rejected }, канфліктаў { $conflicts }, атрымана { $received }, паўтораў прапушчана { $duplicates }, не прынята { $refused }, чакаюць { $waiting }
cli-sync-address = Адрас: { $url }
cli-sync-not-set = (не зададзены)
cli-sync-counts = Чакаюць адпраўкі: { $pending }, адхілена: { $rejected }, канфліктаў: { $conflicts }
cli-sync-last = Апошняя сінхранізацыя: { $at }
cli-sync-never = не было
cli-no-deadlines-yet = Тэрмінаў пакуль няма: яны пачнуцца з падзей, ад якіх адлічваюцца.
cli-yes = так
cli-no = не
cli-col-field = Поле
cli-col-value = Значэнне
store-outgoing-number = Зыходны нумар
store-organisation = Арганізацыя
pdf-letter-dated = { $date } № { $number }
pdf-letter-undated = ___.___.________ № ____________
pdf-letter-subject = Аб накіраванні заяўкі
pdf-letter-body = Накіроўваем заяўку № { $number } (паслуга: { $service }) для заключэння дагавора ў парадку, устаноўленым дакументам { $source }. Просім разгледзець заяўку і накіраваць праект дагавора.
pdf-letter-body-unnumbered = Накіроўваем заяўку (паслуга: { $service }) для заключэння дагавора ў парадку, устаноўленым дакументам { $source }. Просім разгледзець заяўку і накіраваць праект дагавора.
pdf-letter-enclosures = Дадатак:
pdf-letter-enclosure-application = { $title } — на { $pages } арк. у 1 экз.;
pdf-letter-enclosure-file = { $file }.
pdf-letter-basis = Дзейнічае на падставе { $basis }.
pdf-letter-signature = подпіс
pdf-letter-prepared-by = Выкан. { $name }, { $phone }
pdf-letter-unp = УНП { $unp }
app-outgoing-date = Дата зыходнага ліста
app-outgoing-date-ahead = дата яшчэ не настала; ліст датуецца днём подпісання.
app-outgoing-date-format = увядзіце дату ў выглядзе дд.мм.гггг.
app-mail-application-subject = Заяўка { $number } — { $service } — { $organisation }
app-mail-application-body =
    Паважаныя калегі!

    { $organisation } накіроўвае заяўку { $number } (паслуга: { $service }) для заключэння дагавора. Заяўка накіроўваецца па электроннай пошце, як прадугледжвае пункт { $clause } дакумента { $source }.

    Заяўка — ва ўкладанні: «{ $file }».
app-mail-contact = Кантактная асоба: { $contact }.
app-mail-notice-subject = { $subject } ({ $number })
app-mail-file-name = Заяўка { $number } — { $kind }.eml
app-mail-kind-application = ліст з заяўкай
app-mail-kind-notice = апавяшчэнне
cli-mail-written = { $path }: ліст на { $to } «{ $subject }». Адкрыйце файл у паштовай праграме і адпраўце.
cli-mail-then = Калі адправіце, запішыце гэта: zayava events record { $application } --event { $event } --at { $at }
