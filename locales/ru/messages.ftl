# What the program says outside the window (errors, explanations, documents, the terminal), in Russian.
# Read by zayava-core's catalogue (crates/zayava-core/src/i18n.rs). Placeholders are { $name }; every language has the same ids and placeholders (a test checks it).

## crates/zayava-app/src/error.rs
app-error-invalid = Проверьте выделенные поля.
app-error-bad-input = Значение не подходит; ничего не изменено.
app-error-no-data-dir = Система не сообщила папку для данных программы, поэтому база данных и резервные копии недоступны. Задайте путь к базе в переменной окружения ZAYAVA_DB.
app-error-not-damaged = База данных не повреждена: начинать с новой базы не нужно, ваши данные на месте.
app-error-not-found = Запись не найдена — возможно, она была удалена.
app-error-database = Не удалось сохранить или прочитать данные. Ничего не потеряно; попробуйте ещё раз.
app-error-not-ready = Заявку нельзя отметить готовой: предварительная проверка нашла основания для аннулирования.
app-error-too-large = Файл или данные больше допустимых { $mb } МБ.
app-error-file = Не удалось обработать файл: { $detail }
app-error-unknown-form = Неизвестная услуга или версия формы: { $what }
app-error-newer = Эта база данных создана более новой версией Заявы (версия схемы { $found }, эта программа знает до { $supported }). Установите новую версию программы. Файл не изменён.
app-error-damaged = Файл базы данных повреждён ({ $detail }). Восстановите данные из резервной копии или начните с новой базы — повреждённый файл будет сохранён в папке резервных копий.
app-error-not-a-backup = Файл «{ $file }» — не база данных Заявы и не её резервная копия. Ничего не изменено.
app-error-in-use = База данных уже открыта в другом окне Заявы. Закройте его и попробуйте снова.
app-error-disk-full = Диск заполнен: изменение не сохранено, прежние данные не тронуты. Освободите место на диске и повторите.
app-error-sent-locked = Заявка уже направлена Оператору, поэтому её форма закрыта для правки. Чтобы изменить её, нажмите «Изменить отправленную заявку».
app-error-no-organisation = Выберите организацию: заявка оформляется от её имени. Если организаций ещё нет, добавьте свою в разделе «Организации».
app-error-organisation-in-use = Эту организацию нельзя удалить: от её имени оформлено заявок — { $count }. Отправьте её в архив: заявки останутся, а из списков она уйдёт.
app-error-startup = Не удалось открыть базу данных: { $detail }
app-error-internal = Внутренняя ошибка Заявы: действие не выполнено. Данные не изменены; попробуйте ещё раз, а если повторится — сообщите разработчикам.
app-error-unknown-pdf-kind = Такого документа для печати нет: «{ $kind }». Выберите заявку, пакет договора или график сроков.
app-error-unknown-form-print = Заявка сохранена по версии формы «{ $version }», которой нет в этой программе, поэтому её нельзя напечатать. Установите новую версию Заявы.
app-error-all-is-a-schedule = Для всех заявок сразу печатается только график сроков.
app-error-bad-application-file = Файл заявки не читается: { $detail }. Ожидается JSON вида {"{"}"service", "organisation", "values", "events"{"}"}.
app-error-cannot-open = Документ готов, но на этом компьютере его не открыла ни одна программа для PDF. Выберите, куда его сохранить.
app-error-cannot-open-mail = Письмо готово, но на этом компьютере его не открыла ни одна почтовая программа. Выберите, куда его сохранить, и откройте файл в своей почте.
app-error-no-inbox = Для этого письма порядок не называет адреса электронной почты. Отправьте его так, как сказано в порядке: нарочно, почтой или через СМДО.
app-error-read-only = В учётной записи «{ $account }» вы можете смотреть работу, но не изменять её. Чтобы вносить изменения, попросите администратора учётной записи дать вам роль редактора.
app-error-mail-too-large = Вложения весят больше { $mb } МБ — почтовый сервер такое письмо не примет. Письмо не подготовлено; отправьте документы иначе или по частям.
app-error-spreadsheet = Таблицу Excel составить не удалось; файл не записан. Попробуйте ещё раз; если не выйдет, сообщите разработчикам.
app-error-bad-window = Укажите часы поддержки как ЧЧ:ММ–ЧЧ:ММ, начало раньше конца (например, 08:00–19:00).
app-error-bad-term-leads = Укажите, за сколько рабочих дней до окончания договора напоминать, числами через запятую (от 0 до 60), например: 20, 10, 5, 1.
app-error-bad-leads = Укажите, за сколько рабочих дней напоминать, числами через запятую (от 0 до 60), например: 3, 1, 0.

## crates/zayava-app/src/ics.rs
app-ics-calendar-name = Заява: сроки
app-xlsx-sheet-applications = Заявки
app-xlsx-sheet-due = Сроки
app-xlsx-sheet-dates = Даты договоров и оплаты
app-xlsx-number = Номер заявки
app-xlsx-organisation = Организация
app-xlsx-service = Услуга
app-xlsx-stage = Стадия
app-xlsx-updated = Изменена
app-xlsx-due = Срок
app-xlsx-date = Дата
app-xlsx-what = Что
app-xlsx-who = Кто
app-xlsx-state = Состояние
app-xlsx-clause = Пункт
app-printing-file-name = Заявка { $number } — { $kind }.pdf
app-printing-file-name-unnumbered = Заявка — { $kind }.pdf
app-printing-file-name-all = График сроков — все заявки.pdf
app-printing-kind-application = бланк заявки
app-printing-kind-package = пакет документов
app-printing-kind-schedule = график сроков

## crates/zayava-cli/src/timeline.rs
cli-timeline-not-utf8 = Строка { $line } не в кодировке UTF-8.
cli-timeline-blank = Строка { $line } пустая: ожидался JSON-объект.

## crates/zayava-core/src/calendar/holidays.rs
core-calendar-holidays-new-years-day = Новый год
core-calendar-holidays-new-year-holiday = Новый год
core-calendar-holidays-orthodox-christmas = Рождество Христово (православное)
core-calendar-holidays-womens-day = День женщин
core-calendar-holidays-labour-day = Праздник труда
core-calendar-holidays-victory-day = День Победы
core-calendar-holidays-independence-day = День Независимости
core-calendar-holidays-october-revolution-day = День Октябрьской революции
core-calendar-holidays-catholic-christmas = Рождество Христово (католическое)
core-calendar-holidays-radunitsa = Радуница

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-error-unknown-service-service-known-known = Неизвестная услуга «{ $service }». Известны: { $known }.
core-deadlines-error-unknown-event-event-for-service = Неизвестное событие «{ $event }» для услуги { $service }. Известны: { $known }.
core-deadlines-error-unknown-fact-fact-known-known = Неизвестный факт «{ $fact }». Известны: { $known }.
core-deadlines-error-unknown-rule-rule-for-service = Неизвестное правило «{ $rule }» для услуги { $service }.
core-deadlines-error-event-event-value-is-not = Событие «{ $event }»: «{ $value }» — не дата. Введите дату как дд.мм.гггг (или гггг-мм-дд), со временем — дд.мм.гггг чч:мм.
core-deadlines-error-event-event-the-date-value = Событие «{ $event }»: даты { $value } не существует.
core-deadlines-error-event-event-is-counted-in = Событие «{ $event }» считается в минутах или часах: укажите и время, например { $value } 09:30.
core-deadlines-error-event-event-is-given-twice = Событие «{ $event }» указано дважды.
core-deadlines-error-fact-fact-value-is-not = Факт «{ $fact }»: значение «{ $value }» не подходит; нужно { $expected }.
core-deadlines-error-the-date-date-is-outside = Дата { $date } вне поддерживаемого периода ({ $first }–{ $last }).
core-deadlines-error-malformed-input-detail = Неверный формат входных данных: { $detail }

## crates/zayava-core/src/deadlines/explain.rs
core-deadlines-explain-the-same-day-as = в тот же день, что
core-deadlines-explain-the-calendar-day-after = на следующий календарный день после
core-deadlines-explain-the-first-day-of-the = с первого числа месяца, следующего за
core-deadlines-explain-31-december-of-the-same = 31 декабря того же года, что
core-deadlines-explain-31-december-of-the-year = 31 декабря года, следующего за годом, когда
core-deadlines-explain-the-month-of = месяц, на который приходится
core-deadlines-explain-by-a-facts-value = по значению факта
core-deadlines-explain-provisional = Переносы рабочих дней на { $years } год ещё не известны Заяве: дата предварительная и может сдвинуться, когда выйдет постановление Совета Министров. Добавьте переносы в разделе «Календарь».
core-deadlines-explain-waiting = Срок ещё не определён: ждём { $what }.

## crates/zayava-core/src/forms/check.rs
core-forms-check-not-text = ожидается текст.
core-forms-check-not-date = дата в виде дд.мм.гггг.
core-forms-check-not-integer = целое число.
core-forms-check-out-of-range = число вне допустимых пределов.
core-forms-check-not-choice = выберите один из вариантов.
core-forms-check-not-flag = да или нет.
core-forms-check-not-attachment = файл не найден среди вложений.
core-forms-check-not-list = ожидается список.

## crates/zayava-core/src/lifecycle/batch.rs
core-lifecycle-batch-malformed = Строка { $line } не разобрана: { $detail }
core-lifecycle-batch-bad-now = «now» должно быть временем ГГГГ-ММ-ДДTЧЧ:ММ, а не «{ $value }».
core-lifecycle-batch-event-at = Событие { $n } («{ $event }»): { $message }

## crates/zayava-core/src/lifecycle/mod.rs
core-lifecycle-late = «{ $event }» { $date } — на { $days } позже срока { $due }.
core-lifecycle-unknown = Получение договора Оператором не записано: запишите дату, когда Оператор получил подписанный договор, — без неё нельзя сказать, заключён ли договор.
core-lifecycle-round = { $n }-й круг
core-lifecycle-in-time = В срок: «{ $event }» { $date }.
core-lifecycle-stake-open = Осталось { $left }: подписанный договор должен поступить Оператору до { $due } включительно, иначе он не заключён.
core-lifecycle-stake-today = Сегодня последний день: подписанный договор должен поступить Оператору сегодня, иначе он не заключён.
core-lifecycle-stake-sent = Договор направлен, ждём получения Оператором — не позднее { $due }.

## crates/zayava-core/src/operator_number.rs
core-operator-number-the-operators-registration-number = Регистрационный номер Оператора
core-operator-number-contract-number = Номер договора
core-operator-number-field = Поле

## crates/zayava-core/src/validation/batch.rs
core-validation-batch-the-line-is-longer-than = Строка длиннее { $n } байт.
core-validation-batch-malformed-line-e-expected-field = Неверный формат строки: { $e }. Ожидается {"{"}"field": …, "value": …{"}"}.
core-validation-batch-unknown-field-f-known-k = Неизвестное поле «{ $f }». Известны: { $k }.
core-validation-batch-label-the-value-must-be = { $label }: значение должно быть строкой.
core-validation-batch-label-no-value-given = { $label }: значение не указано.
core-validation-batch-label-valid = { $label }: верно.

## crates/zayava-core/src/validation/identifiers.rs
core-validation-identifiers-unp = УНП
core-validation-identifiers-account-iban = Расчётный счёт (IBAN)
core-validation-identifiers-bank-bic = БИК банка
core-validation-identifiers-e-mail = Электронная почта
core-validation-identifiers-phone = Телефон
core-validation-identifiers-postcode = Почтовый индекс
core-validation-identifiers-administrative-procedure-code = Код административной процедуры
core-validation-identifiers-a-unp-is-9-digits = УНП — 9 цифр (первая — код области, 1–7); у индивидуального предпринимателя первые два знака — буквы.
core-validation-identifiers-the-unps-check-digit-does = не сходится контрольная цифра УНП — проверьте, нет ли опечатки.
core-validation-identifiers-an-iban-by-2-digits = счёт в формате IBAN: BY, 2 цифры, 4 буквы кода банка, 4 цифры, 16 букв или цифр (28 символов).
core-validation-identifiers-the-ibans-check-digits-do = не сходятся контрольные цифры IBAN — проверьте, нет ли опечатки.
core-validation-identifiers-a-bic-is-8-or = БИК — 8 или 11 латинских букв и цифр, например AKBBBY2X.
core-validation-identifiers-an-address-like-name-example = адрес вида name@example.by.
core-validation-identifiers-a-number-in-375-xx = белорусский номер: +375 29 123-45-67 или 8 029 123-45-67.
core-validation-identifiers-375-must-be-followed-by = после +375 нужно 9 цифр: код и номер.
core-validation-identifiers-unknown-operator-or-area-code = неизвестный код оператора или города (ожидается 25, 29, 33, 44 или код города, например 17).
core-validation-identifiers-a-postcode-is-6-digits = почтовый индекс — 6 цифр, например 220140.
core-validation-identifiers-a-procedure-code-from-the = код процедуры из перечня, например 1.1.5.

## crates/zayava-core/src/validation/mod.rs
core-validation-the-field-field-is-required = Поле «{ $field }» обязательно для заполнения.
core-validation-the-field-field-is-longer = Поле «{ $field }» длиннее { $limit } символов.
core-validation-the-field-field-is-malformed = Поле «{ $field }» заполнено неверно: { $hint }
core-validation-the-field-field-hint = Поле «{ $field }»: { $hint }
core-validation-the-list-field-needs-at = В списке «{ $field }» должно быть не меньше { $limit }.
core-validation-the-list-field-may-hold = В списке «{ $field }» может быть не больше { $limit }.
core-validation-the-field-field-must-equal = Поле «{ $field }» должно совпадать с числом перечисленных в заявке: сейчас их { $limit }.
core-validation-the-date-field-is-in-future = Поле «{ $field }»: документ не может быть датирован позже сегодняшнего дня — укажите дату, которая на нём стоит.

## crates/zayava-pdf/src/documents.rs
pdf-documents-yes = да
pdf-documents-no = нет
pdf-documents-page = стр. { $n } из { $total }
pdf-documents-consumer = Сведения о потребителе
pdf-documents-no-organisation = Организация не выбрана.
pdf-documents-number = Заявка №
pdf-documents-sign-head = Руководитель (уполномоченное лицо) потребителя:
pdf-documents-signature = подпись
pdf-documents-name = фамилия, инициалы
pdf-documents-date = дата
pdf-documents-seal = М.П.
pdf-documents-prerequisites = Условия и подтверждения
pdf-documents-details = Сведения заявки
pdf-documents-attached = приложен файл
pdf-documents-not-attached = не приложено
pdf-documents-schedule = График сроков
pdf-documents-schedule-of = График сроков — { $service }
pdf-documents-date-2 = Дата
pdf-documents-what = Что
pdf-documents-who = Кто
pdf-documents-clause = Пункт
pdf-documents-state = Состояние
pdf-documents-application-col = Заявка
pdf-documents-cover = Пакет документов к договору
pdf-documents-qr-caption = Код: номер заявки и контрольная сумма её содержания
pdf-documents-field-clause = { $label } (п. { $clause })
pdf-documents-empty-schedule = Сроков пока нет: события по заявке не записаны.

## crates/zayava-core/src/calendar/transfers.rs
core-transfers-year-out-of-range = Год { $year } вне поддерживаемого периода (1990–2150).
core-transfers-missing-source = Укажите источник: номер и дату постановления Совета Министров.
core-transfers-wrong-year = Строка { $line }: дата { $date } не относится к { $year } году.
core-transfers-day-off-on-weekend = Строка { $line }: { $date } — уже суббота или воскресенье; выходным по переносу может стать только будний день.
core-transfers-working-day-on-weekday = Строка { $line }: { $date } — будний день; рабочим по переносу может стать только суббота или воскресенье.
core-transfers-duplicate = Строка { $line }: дата { $date } указана дважды.

## crates/zayava-core/src/calendar/view.rs
core-calendar-day-off-by-transfer = Выходной по переносу; отрабатывается { $date }
core-calendar-working-by-transfer = Рабочий день по переносу вместо { $date }

## crates/zayava-core/src/deadlines/error.rs
core-deadlines-expected-positive = целое положительное число
core-deadlines-expected-one-of = одно из: { $values }
core-deadlines-expected-covered = значение, для которого правило задаёт срок

## crates/zayava-core/src/rules/mod.rs
core-party-consumer = потребитель
core-party-operator = Оператор
core-party-both = обе стороны

## crates/zayava-core/src/deadlines/explain.rs
core-period-working-days = { $n } { $n ->
    [one] рабочий день
    [few] рабочих дня
   *[many] рабочих дней
} после
core-period-working-days-before = { $n } { $n ->
    [one] рабочий день
    [few] рабочих дня
   *[many] рабочих дней
} до
core-period-calendar-days = { $n } { $n ->
    [one] календарный день
    [few] календарных дня
   *[many] календарных дней
} после
core-period-calendar-days-before = { $n } { $n ->
    [one] календарный день
    [few] календарных дня
   *[many] календарных дней
} до
core-period-calendar-months = { $n } { $n ->
    [one] месяц
    [few] месяца
   *[many] месяцев
} после
core-period-minutes = { $n } { $n ->
    [one] минута
    [few] минуты
   *[many] минут
} после
core-period-hours = { $n } { $n ->
    [one] час
    [few] часа
   *[many] часов
} после
core-period-working-hours = { $n } { $n ->
    [one] рабочий час
    [few] рабочих часа
   *[many] рабочих часов
} (рабочие дни, { $hours }) после
core-period-working-hours-weekdays = { $n } { $n ->
    [one] рабочий час
    [few] рабочих часа
   *[many] рабочих часов
} (рабочие дни кроме суббот и воскресений, { $hours }) после
core-explain-saturday = суббота
core-explain-sunday = воскресенье
core-explain-weekday = будний день
core-explain-not-a-support-day = { $day } (рабочая по переносу, но не день поддержки)
core-explain-day-off-by-transfer = выходной по переносу (отработка { $date })
core-explain-source = Основание: п. { $clause }, { $source }.
core-explain-fact = «{ $fact }»
core-explain-in-force-from = Правило действует с { $date }; событие произошло раньше.
core-explain-sentence = { $title }: { $period } { $base_at } («{ $base }») → { $due }.
core-explain-rolled = { $date } — нерабочий день, срок переносится на следующий рабочий день (ст. 192 ГК).
core-explain-skipped = Не считаются: { $list }.
core-explain-worked = Рабочие по переносу: { $list }.

## crates/zayava-core/src/forms/preflight.rs
core-preflight-clause = п. { $clause }
core-preflight-not-ticked = не отмечено: «{ $label }»
core-preflight-not-attached = не приложен файл: «{ $label }»
core-preflight-no-organisation = не выбрана организация-заявитель.
core-or = или
core-preflight-tick-one = при { $when } отметьте { $options }.
core-preflight-confirm = Заява не видит расчётов с Оператором — подтвердите: «{ $label }».

## crates/zayava-core/src/lifecycle/mod.rs
core-quoted = «{ $text }»
core-lifecycle-error-unknown-event = Событие «{ $event }» не относится к этой услуге.
core-lifecycle-error-impossible = Нельзя записать «{ $event }»: заявка сейчас в состоянии «{ $state }». Сейчас возможно: { $allowed }.
core-lifecycle-error-before-previous = «{ $event }» { $date } не может быть раньше предшествующего события «{ $previous }» { $previous_date }.
core-lifecycle-error-in-future = «{ $event }» { $date } — дата ещё не наступила; записываются только произошедшие события.
core-lifecycle-error-nothing-to-correct = Запись, которую нужно исправить, не найдена в истории этой заявки. Откройте заявку заново и нажмите «Исправить дату» у нужной записи.
core-lifecycle-error-correction-of-other = Исправление должно относиться к тому же событию «{ $event }».
core-lifecycle-error-precondition = Нельзя записать «{ $event }»: { $reason } (п. { $clause }). Сначала запишите { $missing }.
core-lifecycle-gap = «{ $event }» записано, а { $missing } — нет: { $reason } (п. { $clause }).
core-status-upcoming = предстоит
core-status-due-today = сегодня
core-status-overdue = просрочено
core-status-met = выполнено
core-status-met-late = выполнено с опозданием
core-status-passed = наступила
core-status-waiting = ждём события
core-status-unknown = не записано
core-lifecycle-working-days = { $n } { $n ->
    [one] рабочий день
    [few] рабочих дня
   *[many] рабочих дней
}
core-lifecycle-days = { $n } { $n ->
    [one] день
    [few] дня
   *[many] дней
}

## crates/zayava-core/src/reminders.rs
core-reminder-term-last-day = Сегодня последний день договора ({ $organisation }).
core-reminder-term-ends = Договор заканчивается { $due } ({ $organisation }): продлите или перезаключите его заранее.
core-reminder-missed = Срок истёк { $due }: { $title } ({ $organisation })
core-reminder-last-day = Сегодня последний день: { $title } ({ $organisation })
core-reminder-by = До { $due }: { $title } ({ $organisation })
core-reminder-title = Заява: срок
core-ics-done = Выполнено: { $title }

## crates/zayava-store/src/lifecycle.rs
store-parked-event = Пришло от Оператора ({ $at }) и будет учтено само, как только порядок действий это позволит. { $why }

## crates/zayava-sync/src/error.rs
sync-error-not-configured = Адрес сервера обмена не задан. Введите в Настройках адрес, который сообщил Оператор.
sync-error-bad-url = Адрес сервера обмена «{ $url }» не похож на адрес сайта. Введите его так, как сообщил Оператор, например https://api.nces.by.
sync-error-no-scheme = В адресе сервера обмена не хватает https:// в начале. Введите его так: https://{ $url }
sync-error-not-https = Адрес сервера обмена должен начинаться с https:// (защищённое соединение): «{ $url }». Замените http:// на https://.
sync-error-no-token = Ключ доступа к серверу обмена не сохранён. Введите ключ, выданный Оператором, в Настройках.
sync-error-unauthorized = Оператор не принял ключ доступа. Введите новый ключ в Настройках.
sync-error-unreachable = Сервер обмена не отвечает — проверьте подключение к интернету. Ваши изменения сохранены и уйдут при следующем обмене. (Для администратора: { $why })
sync-error-bad-response = Сервер обмена ответил так, что Заява не может это прочесть; на компьютере ничего не изменилось. Если это повторяется, сообщите Оператору. (Для администратора: { $why })
sync-error-no-keyring = Системное хранилище паролей недоступно, поэтому ключ доступа нельзя сохранить. В Linux нужна служба Secret Service (GNOME Keyring или KWallet), в Windows — Диспетчер учётных данных.
sync-error-keyring = Хранилище паролей системы не выдало ключ доступа. Перезапустите компьютер или обратитесь к администратору. (Для администратора: { $why })
sync-error-store = Не удалось записать полученное в базу на этом компьютере; ничего не потеряно — обмен повторится сам. (Для администратора: { $why })

## crates/zayava-pdf/src/subject.rs
pdf-schedule-of-all = График сроков по всем заявкам

## crates/zayava-cli
cli-col-number = Номер
cli-col-service = Услуга
cli-col-organisation = Организация
cli-col-stage = Стадия
cli-col-id = Id
cli-no-applications = Заявок не найдено.
cli-to-fix = Что исправить:
cli-draft-created = Создан черновик { $number } ({ $service }): { $id }
cli-ready = Заявка { $number } готова к отправке.
cli-archived = Заявка { $number } перенесена в архив.
cli-outgoing = Заявка { $number }: исходящий № { $outgoing } от { $date }. Он печатается в сопроводительном письме и в заявке.
cli-unarchived = Заявка { $number } возвращена из архива.
cli-col-due = Срок
cli-col-party = Сторона
cli-col-rule = Правило
cli-col-clause = Пункт
cli-no-dates = Нет сроков: ни одно из событий этой услуги не указано.
cli-provisional = предварительно
cli-nothing-due = { $n ->
    [one] На ближайший { $n } рабочий день сроков нет.
    [few] На ближайшие { $n } рабочих дня сроков нет.
   *[many] На ближайшие { $n } рабочих дней сроков нет.
}
cli-col-status = Статус
cli-col-what = Что
cli-col-who = Кто
cli-col-application = Заявка
cli-col-no = №
cli-col-when = Когда
cli-col-event = Событие
cli-col-recorded-by = Кто записал
cli-col-note = Примечание
cli-by-user = пользователь
cli-by-sync = Оператор (синхронизация)
cli-by-colleague = { $name } (коллега, синхронизация)
cli-corrected = { $event } (исправлено)
cli-no-events = Событий пока нет.
cli-next-events = Дальше можно записать: { $events }
cli-event-recorded = Записано событие №{ $id } ({ $at }). Теперь: { $state }
cli-preflight-clean = Предварительная проверка пройдена: оснований для аннулирования не найдено.
cli-imported = Организаций: добавлено { $orgs_added }, уже были { $orgs_here }; заявок: добавлено { $apps_added }, уже были { $apps_here }; вложений: { $files }
cli-ics-written = { $path }: событий { $n }
cli-xlsx-written = { $path }: строк { $n }
cli-no-dates-yet = Дат пока нет: ни по одной заявке не записаны события, от которых они считаются.
cli-info-database = База данных
cli-info-organisations = Организаций
cli-info-applications = Заявок
cli-info-language = Язык
cli-internal = внутренняя ошибка, команда прервана ({ $what }). Сообщите, пожалуйста, разработчикам.
cli-col-unp = УНП
cli-col-name = Наименование
cli-col-changed = Изменено
cli-organisation-added = Добавлена организация №{ $id }: { $name }
cli-organisation-archived = Организация «{ $name }» отправлена в архив.
cli-organisation-unarchived = Организация «{ $name }» возвращена из архива.
cli-organisation-deleted = Организация «{ $name }» удалена.
cli-pdf-written = { $path }: { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[many] { $pages } страниц
}, { $bytes } байт
cli-pdf-replaced = Шрифт не может показать «{ $chars }»; эти знаки напечатаны как □.
cli-restored = Восстановлено из { $file } (версия схемы { $version }): организаций { $orgs }.
cli-sync-push = отправлено: { $done } из { $total }
cli-sync-pull = получено: { $received }
cli-sync-data = календарь и правила
cli-sync-report = отправлено { $sent }, отклонено { $rejected }, конфликтов { $conflicts }, получено { $received }, повторов пропущено { $duplicates }, не принято { $refused }, ждут { $waiting }
cli-sync-address = Адрес: { $url }
cli-sync-not-set = (не задан)
cli-sync-counts = Ждут отправки: { $pending }, отклонено: { $rejected }, конфликтов: { $conflicts }
cli-sync-last = Последняя синхронизация: { $at }
cli-sync-never = не было
cli-no-deadlines-yet = Сроков пока нет: они начнутся с событий, от которых отсчитываются.
cli-yes = да
cli-no = нет
cli-col-field = Поле
cli-col-value = Значение
store-outgoing-number = Исходящий номер
store-organisation = Организация
pdf-letter-dated = { $date } № { $number }
pdf-letter-undated = ___.___.________ № ____________
pdf-letter-subject = О направлении заявки
pdf-letter-body = Направляем заявку № { $number } (услуга: { $service }) для заключения договора в порядке, установленном документом { $source }. Просим рассмотреть заявку и направить проект договора.
pdf-letter-body-unnumbered = Направляем заявку (услуга: { $service }) для заключения договора в порядке, установленном документом { $source }. Просим рассмотреть заявку и направить проект договора.
pdf-letter-enclosures = Приложение:
pdf-letter-enclosure-application = { $title } — на { $pages } л. в 1 экз.;
pdf-letter-enclosure-file = { $file }.
pdf-letter-basis = Действует на основании { $basis }.
pdf-letter-signature = подпись
pdf-letter-prepared-by = Исп. { $name }, { $phone }
pdf-letter-unp = УНП { $unp }
app-outgoing-date = Дата исходящего письма
app-outgoing-date-ahead = дата ещё не наступила; письмо датируется днём подписания.
app-outgoing-date-format = введите дату в виде дд.мм.гггг.
app-mail-application-subject = Заявка { $number } — { $service } — { $organisation }
app-mail-application-body =
    Уважаемые коллеги!

    { $organisation } направляет заявку { $number } (услуга: { $service }) для заключения договора. Заявка направляется по электронной почте, как предусматривает пункт { $clause } документа { $source }.

    Заявка — во вложении: «{ $file }».
app-mail-contact = Контактное лицо: { $contact }.
app-mail-notice-subject = { $subject } ({ $number })
app-mail-file-name = Заявка { $number } — { $kind }.eml
app-mail-kind-application = письмо с заявкой
app-mail-kind-notice = уведомление
cli-mail-written = { $path }: письмо на { $to } «{ $subject }». Откройте файл в почтовой программе и отправьте.
cli-mail-then = Когда отправите, запишите это: zayava events record { $application } --event { $event } --at { $at }
