# The window's words (Russian). Ids are the keys `t()` takes; placeholders are { $name }.
# Every language has the same ids and placeholders (a test checks it).

app-title = Заява
app-subtitle = Заявки и договоры НЦЭУ

error-internal = Внутренняя ошибка Заявы: действие не выполнено. Данные не изменены; попробуйте ещё раз, а если повторится — сообщите разработчикам.

nav-organisations = Организации
nav-applications = Заявки
nav-dashboard = Сроки
nav-calendar = Календарь
nav-settings = Настройки
nav-label = Разделы

common-save = Сохранить
common-yes = Да
common-no = Нет
common-cancel = Отмена
common-saving = Сохранение…
common-loading = Загрузка…
common-saved = Сохранено
common-error = Ошибка
common-sizeKb = { $kb } КБ

form-clause = п. { $clause }
form-add = Добавить
form-addItem = Добавить: { $field }
form-remove = Удалить
form-removeItem = Удалить: { $item }
form-listFull = Список заполнен до предела.
form-noFile = Файл не приложен
form-chooseFile = Выбрать файл…
form-copying = Копирование…

app-new = Новая заявка
app-service = Услуга
app-organisation = Организация-заявитель
app-noOrganisation = — не выбрана —
app-filter-allOrganisations = Все организации
app-filter-allServices = Все услуги
app-filter-allStages = Все стадии
app-filter-search = Поиск
app-filter-searchHint = Начала слов из заявки, название или УНП организации, номер заявки или номера Оператора
app-filter-archived = Показать архив
app-filter-status = Состояние
app-more = Показать ещё
app-shown = Показаны { $shown } из { $total }
app-status-draft = Черновик
app-status-ready = Готова
app-filter-stage = Стадия

stage-draft = Черновик
stage-ready = Готова к отправке
stage-with_operator = У Оператора
stage-awaiting_signature = Ждёт подписания договора
stage-concluded = Договор заключён
stage-active = Услуга активна
stage-expiring = Договор заканчивается
stage-suspended = Доступ приостановлен
stage-ended = Договор окончен
stage-not_concluded = Не заключён или аннулирована

app-locked = Заявка направлена Оператору, поэтому форма закрыта для правки.
app-amend = Изменить отправленную заявку
app-amendConfirm = Изменение будет записано в ход дела как «Заявка изменена после отправки». Оператору нужно будет сообщить об изменениях. Изменить заявку?
app-amendYes = Да, изменить
app-archived = В архиве
app-empty = Заявок пока нет. Выберите услугу и нажмите «Новая заявка».
app-none = Ничего не найдено.
app-pick = Выберите заявку слева или создайте новую.
app-saving = Сохранение…
app-savedAt = Сохранено в { $time }
app-check = Проверить перед отправкой
app-markReady = Отметить готовой
app-duplicate = Дублировать
app-backToList = Все заявки
app-moreActions = Ещё…
app-archive = В архив
app-unarchive = Вернуть из архива
app-preflightClean = Оснований для аннулирования не найдено — заявку можно отметить готовой.
app-preflightTitle = Предварительная проверка
app-noOrganisations = Сначала добавьте организацию в разделе «Организации».
app-form = Форма

status-upcoming = Предстоит
status-due_today = Сегодня
status-overdue = Просрочено
status-met = Выполнено
status-met_late = Выполнено с опозданием
status-passed = Наступила
status-waiting = Ждём события
life-waitingFor = Ждём: { $what }
status-unknown = Не записано

dash-title = Что предстоит
dash-days = На ближайшие рабочие дни
dash-party = Кто действует
dash-party-all = Все стороны
dash-ours = Наши сроки
dash-theirs = Сроки Оператора
dash-nothing = В этот период сроков нет.
dash-ending = Договоры, которые заканчиваются (ближайшие 3 месяца)
dash-endingNone = В ближайшие 3 месяца ни один договор не заканчивается без перезаключения.
dash-col-app = Заявка
dash-exportAll = Календарь (.ics)
dash-save = Сохранить в файл:
dash-printAll = График сроков по всем заявкам:
dash-calculator = Калькулятор сроков

life-title = Ход дела
life-state = Состояние
life-events = События
life-noEvents = Событий пока нет. Когда заявка будет направлена Оператору, запишите это здесь.
life-record = Записать событие
life-byOperator = Это шаг Оператора: при обмене с Оператором он запишется сам. Запишите вручную, если сообщение Оператора пришло иначе (письмом, по СМДО).
life-event = Событие
life-date = Дата
life-note = Примечание
life-save = Записать
life-correct = Исправить дату
life-corrected = исправлено
life-recorded = { $who ->
    [sync] получено от Оператора
   *[user] внесено вручную
} { $at }
life-recordedBy = внесено коллегой: { $name }, { $at }
life-deadlines = Сроки по заявке
life-metOn = выполнено
life-exportIcs = Сроки в календарь (.ics)
life-exported = Сохранено { $events } { $events ->
    [one] событие
    [few] события
   *[many] событий
}.
life-noNext = Сейчас записать нечего.
life-notice = Черновик уведомления
life-noticeTo = кому: { $to }
life-copy = Копировать текст
life-copied = Скопировано
life-void-title = Договор не заключён
life-void-startNew = Начать новую заявку по этой форме
life-gaps = Заява не может сказать по записям:
life-newApplication-text = Изменился перечень АП? По п. 3.3 об этом сообщают новой заявкой; затем запишите здесь «Направлена новая заявка».
life-newApplication-start = Начать новую заявку по этой форме
life-unplaced = Эти записи не вписываются в порядок действий и не учитываются в сроках (они сохранены):
life-correctionOf = исправление записи от { $date }
life-bySyncShort = от Оператора

dash-openApp = Открыть заявку
dash-openAppLabel = Открыть заявку: { $organisation }, { $service }

xlsx-applications = Список в Excel
xlsx-due = Сроки (Excel)
xlsx-dates = Даты договоров и оплаты (Excel)
xlsx-busy = Готовим таблицу…
xlsx-done = Сохранено: { $rows } { $rows ->
    [one] строка
    [few] строки
   *[many] строк
}
print-kind = Документ
print-application = Заявка
print-package = Пакет к договору
print-schedule = График сроков
print-print = Печать
print-saveAs = Сохранить PDF…
print-busy = Готовим PDF…
print-done = Готово: { $pages } { $pages ->
    [one] страница
    [few] страницы
   *[many] страниц
}.
print-done-replaced = Готово: { $pages } { $pages ->
    [one] страница
    [few] страницы
   *[many] страниц
}. Шрифт не может показать { $chars }: напечатано как □.

org-new = Новая организация
org-empty = Организаций пока нет. Добавьте первую — её реквизиты будут подставляться во все заявки.
org-listLabel = Список организаций
org-editTitle = Реквизиты организации
org-newTitle = Новая организация
org-field-name = Наименование
org-field-unp = УНП
org-field-address = Адрес
org-field-email = Электронная почта
org-hint-unp = 9 цифр
org-updated = Изменено
org-archivedTag = в архиве
org-applications = { $count ->
    [0] заявок нет
    [one] { $count } заявка
    [few] { $count } заявки
   *[many] { $count } заявок
}
org-showArchived = Показать архив ({ $count })
org-sameUnp = Организация с этим УНП уже есть: { $names }. Скорее всего, это она — откройте её, чтобы не завести вторую.
org-openOther = Открыть «{ $name }»
org-saveAnyway = Всё равно сохранить ещё одну
org-archive = В архив
org-unarchive = Вернуть из архива
org-delete = Удалить…
org-deleteConfirm = Удалить организацию «{ $name }»? Заявок от её имени нет; удаление нельзя отменить.
org-deleteYes = Удалить
org-cannotDelete = Удалить нельзя: от её имени оформлено заявок — { $count }. Её можно отправить в архив.
app-newFor = Для организации

settings-language = Язык интерфейса
settings-window = Часы поддержки для сроков в рабочих часах
settings-windowHint = Например, 08:00-19:00 (п. 5.5 Порядка ЕИС КВП). Изменение сразу применяется к расчётам.
settings-leads = Напоминать о наших сроках (за сколько рабочих дней)
settings-termLeads = Напоминать об окончании договора (за сколько рабочих дней)
settings-termLeadsHint = Для перезаключения и продления договора, например 20, 10, 5, 1: на бумаги и подпись нужны недели.
settings-leadsHint = Числа через запятую, например 3, 1, 0 (0 — в последний день). Напоминания приходят уведомлениями рабочего стола и не повторяются.
settings-database = Файл базы данных
settings-version = Версия

party-consumer = Мы (потребитель)
party-operator = Оператор
party-both = Обе стороны
party-none = —

explain-show = Как рассчитан срок
explain-skipped = Не считаются
explain-worked = Рабочие по переносу
explain-rolled = Перенесено с нерабочего дня
explain-unmoved = Без переноса
explain-provisional = Предварительно
explain-clause = Пункт
explain-reason-weekend = выходной
explain-reason-holiday = праздник
explain-reason-transfer = перенос

deadlines-title = Калькулятор сроков
deadlines-intro = Выберите услугу и укажите даты событий — Заява рассчитает сроки по Порядку оператора и покажет, как получена каждая дата.
deadlines-service = Услуга
deadlines-events = События
deadlines-facts = Сведения о заявке
deadlines-datePlaceholder = дд.мм.гггг
deadlines-timePlaceholder = дд.мм.гггг чч:мм
deadlines-results = Сроки
deadlines-none = Укажите дату хотя бы одного события.
deadlines-col-due = Дата
deadlines-col-what = Что
deadlines-col-who = Кто
deadlines-col-clause = Пункт
deadlines-waiting = Ждём
deadlines-computing = Расчёт…
deadlines-choose = — выберите —

calendar-title = Производственный календарь
calendar-prev = Предыдущий месяц
calendar-next = Следующий месяц
calendar-month = Месяц
calendar-year = Год
calendar-today = Сегодня
calendar-deadlines = сроки: { $list }
calendar-provisional = Переносы рабочих дней на этот год Заяве неизвестны: даты, рассчитанные через него, предварительные. Добавьте переносы ниже, когда выйдет постановление.
calendar-source = Источник
calendar-legend-working = Рабочий день
calendar-legend-weekend = Выходной
calendar-legend-holiday = Праздник
calendar-legend-transferOff = Выходной по переносу
calendar-legend-transferWork = Рабочий по переносу
calendar-legend-deadline = Ваш срок (нажмите на день)
calendar-transfers = Переносы рабочих дней
calendar-transfersFor = Переносы в { $year } году
calendar-origin-embedded = встроено в Заяву
calendar-origin-user = введено вручную
calendar-origin-operator = получено от оператора
calendar-dayOff = Выходной день
calendar-workingDay = Рабочий день вместо него
calendar-addMove = Добавить перенос
calendar-removeMove = Удалить
calendar-sourceHint = Постановление Совета Министров: номер и дата
calendar-reset = Отменить ручные изменения
calendar-resetYes = Да, отменить
calendar-resetConfirm = Отменить переносы на { $year } год, введённые вручную? Вернутся встроенные в Заяву (или их не будет), и сроки пересчитаются.
calendar-badDate = Строка { $line }: введите дату в виде дд.мм.гггг.
calendar-noMoves = Переносов нет.
calendar-recomputing = Пересчитываю сроки заявок: { $done } из { $of }

weekday-short = Пн,Вт,Ср,Чт,Пт,Сб,Вс

month-names = Январь,Февраль,Март,Апрель,Май,Июнь,Июль,Август,Сентябрь,Октябрь,Ноябрь,Декабрь

startup-failed = Программа не смогла открыть свои данные

sync-title = Обмен с сервером
sync-off = Не настроен — укажите адрес и ключ в Настройках
sync-pending = Ожидают отправки
sync-rejected = Отклонено
sync-conflicts = Конфликты
sync-account = Учётная запись
sync-user = Вы
sync-role-reader = только просмотр
sync-role-editor = редактор
sync-role-admin = администратор
sync-last = Последний обмен
sync-never = ещё не было
sync-now = Синхронизировать сейчас
sync-running = Идёт обмен…
sync-phase-push = Отправка изменений: { $done } из { $total }
sync-phase-pull = Получение событий от Оператора: { $received }
sync-phase-data = Календарь и правила
sync-done = Готово: отправлено { $pushed }, получено { $pulled }.
sync-url = Адрес сервера обмена
sync-urlHint = Адрес сервера обмена: Оператора или вашей организации; начинается с https://. Пустое поле выключает обмен.
sync-token = Ключ доступа
sync-tokenHint = Ключ выдаёт администратор сервера (у Оператора или в вашей организации). Хранится в защищённом хранилище паролей системы, а не в базе и не в файлах.
sync-tokenSaved = Ключ сохранён в хранилище паролей
sync-tokenMissing = Ключ не сохранён
sync-tokenForget = Удалить ключ
sync-tokenForgetYes = Да, удалить ключ
sync-tokenForgetConfirm = Удалить ключ доступа из хранилища паролей? Обмен остановится, пока вы не введёте ключ снова.
sync-issues = Что не удалось при обмене
sync-issueDetail = Подробности (для администратора)
sync-subject-events = события от Оператора
sync-subject-rulebook = правила сроков
sync-subject-calendar-transfers = переносы рабочих дней
sync-issuesDismiss = Скрыть прочитанное
sync-retryRefused = Отправить отклонённое снова
sync-conflict-title = Заявка изменена и у вас, и у Оператора
sync-conflict-application = Заявка { $number }
sync-conflict-items = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
}
sync-conflict-field = Поле
sync-conflict-mine = У вас
sync-conflict-theirs = У Оператора
sync-conflict-keepMine = Оставить мою версию
sync-conflict-takeTheirs = Принять версию Оператора
sync-conflict-title-colleague = Заявка изменена и у вас, и у коллеги: { $name }
sync-conflict-their-time = Другая версия сохранена { $at }
sync-conflict-takeColleague = Принять версию коллеги
sync-readOnly-notice = Вы вошли как читатель учётной записи «{ $account }»: здесь можно смотреть, но не изменять. Права на изменения даёт администратор учётной записи.
sync-conflict-mark = конфликт
sync-conflict-open = Открыть заявку с конфликтом
sync-conflict-keptMine = Оставлена ваша версия: она уйдёт на сервер при следующем обмене.
sync-conflict-tookTheirs = Принята другая версия: она теперь и у вас.
sync-issue-sync-rejected = Оператор отклонил изменение
sync-issue-sync-unknown_application = Событие для заявки, которой нет на этом компьютере
sync-issue-sync-unreadable_event = Непонятное событие от Оператора пропущено
sync-issue-sync-refused_event = Событие Оператора не согласуется с историей заявки
sync-issue-sync-cursor_backwards = Сервер Оператора вернулся к старым событиям; позиция обмена сохранена
sync-issue-sync-bad_response = Сервер Оператора ответил непонятно
sync-issue-sync-refused_calendar = Календарь от Оператора не принят
sync-issue-sync-newer_rulebook = Оператор опубликовал новую редакцию правил; обновите программу
sync-issue-sync-colleague_change_waits = Изменение, внесённое коллегой, пока не удалось применить на этом компьютере; оно сохранено, и программа повторит попытку при следующем обмене

app-operator-registration_number = Регистрационный номер у Оператора
app-operator-contract_number = Номер договора
app-operator-remarks = Замечания Оператора
app-outgoing-legend = Исходящее письмо
app-outgoing-number = Исходящий №
app-outgoing-date-label = от
app-outgoing-next = Присвоить следующий номер
app-outgoing-hint = Номер и дата печатаются в сопроводительном письме и в заявке. Номера ведутся по счёту организации.
app-outgoing-needs-organisation = Чтобы присвоить номер по счёту, выберите организацию; свой номер можно ввести и без неё.

backup-title = Резервные копии
backup-hint = Каждый день и перед каждым обновлением программы Заява сама сохраняет копию базы (хранятся последние 7). Копию можно сохранить в файл и восстановить данные из копии.
backup-save = Сохранить копию в файл…
backup-fromFile = Восстановить из файла…
backup-restore = Восстановить
backup-restoreOf = Восстановить копию от { $date }
backup-none = Автоматических копий пока нет.
backup-kind-daily = ежедневная
backup-kind-migration = перед обновлением
backup-kind-restore = перед восстановлением
backup-kind-damaged = повреждённая база
backup-kind-other = копия
backup-staged = Копия проверена и будет восстановлена:
backup-stagedHint = Программа перезапустится и откроет данные из копии. Текущая база сохранится среди резервных копий.
backup-restart = Перезапустить и восстановить

recovery-damaged = База данных повреждена
recovery-fromBackup = Восстановить из резервной копии
recovery-fresh = Начать с новой базы (повреждённая будет сохранена)
recovery-freshYes = Да, начать с новой базы
recovery-freshConfirm = Повреждённая база будет отложена в сторону (её файл сохранится рядом), и Заява начнёт с пустой базы: организации и заявки придётся восстановить из резервной копии или внести заново. Продолжить?
mail-prepare = Подготовить письмо
mail-save = Сохранить письмо…
mail-to = Черновик письма на { $to } откроется в вашей почтовой программе; отправляете его вы.
mail-ready = Черновик письма на { $to } открыт в почтовой программе. Когда отправите его, отметьте это:
mail-record = Записать «{ $event }» — { $date }
mail-notYet = Ещё не отправлено
mail-recorded = Записано: «{ $event }» — { $date }.
mail-applicationHint = Порядок разрешает направить заявку по электронной почте на { $to }: письмо с заявкой в PDF откроется как черновик.
