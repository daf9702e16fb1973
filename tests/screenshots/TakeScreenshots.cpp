// keyway-screenshots OUTPUT_DIR
//
// Opens the window on a demo data set and saves a PNG of every page and dialog: the pictures
// of README (resources/screenshots/, made by scripts/screenshots.sh). Everything is real but the
// providers: keys in the test keychain, a real database, a router on 127.0.0.1 and requests
// through it to a fake provider that speaks OpenAI's wire format, with a month of history
// written to the activity log first. Run it under tests/support/with-keyring.sh.

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/activity/ActivityArchive.h"
#include "app/catalog/BuiltinCatalog.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/FakeProvider.h"
#include "tests/support/TestPalettes.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "ui/access/TokenDialog.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/RequestDetail.h"
#include "ui/keys/KeyEditorDialog.h"
#include "ui/keys/KeyFilterDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct DemoKey
{
    const char* provider;
    const char* label;
    Tier tier;
    const char* secret;
    QMap<QString, QString> settings;
    bool onFake = true; // its endpoint is the fake provider
};

// In the order they are added, which gives their ids (the history below names them by id).
const QList<DemoKey> demoKeys {
    { "openai", "Work OpenAI", Tier::Prioritized, "sk-proj-demo-not-a-real-key-A1f3",
        { { "organization", "org-keyway-demo" } } },
    { "anthropic", "Anthropic", Tier::Prioritized, "sk-ant-api03-demo-not-real-Kq7", {}, false },
    { "openai-compatible", "Groq", Tier::Prioritized, "gsk_demo-not-a-real-key-Zr2",
        { { "served-models", "llama-3.3-70b-versatile, qwen3-32b" } } },
    { "openrouter", "OpenRouter", Tier::SharedCapacity, "sk-or-v1-demo-not-a-real-key-b9e", {} },
    { "openai", "Old project key", Tier::Fallback, "sk-proj-demo-revoked-key-Xw0", {} },
    { "azure", "Azure East US", Tier::Fallback, "demo-not-a-real-key-c41d",
        { { "resource", "keyway-demo-eastus" },
            { "deployments", "gpt-4.1, gpt-4o-mini, gpt-5-mini" } } },
    { "bedrock", "Bedrock us-east-1", Tier::Fallback,
        R"({"access_key_id": "AKIADEMOEXAMPLE", "secret_access_key": "demo-not-a-real-secret-Rt5"})",
        { { "region", "us-east-1" } }, false },
};

QString text(const char* latin1)
{
    return QString::fromUtf8(latin1);
}

QByteArray secretOf(const char* label)
{
    for (const DemoKey& key : demoKeys) {
        if (qstrcmp(key.label, label) == 0)
            return key.secret;
    }
    return {};
}

bool waitFor(const std::function<bool()>& condition, int ms = 20000)
{
    return QTest::qWaitFor(condition, ms);
}

// A month of requests before today, so the Usage page and the chart have something to say.
QList<RequestRecord> history(const QDateTime& now)
{
    QRandomGenerator random(4141);
    const ModelCatalog& catalog = BuiltinCatalog::get();
    const QStringList models { "gpt-4.1", "gpt-4.1", "gpt-4o-mini", "gpt-5-mini",
        "llama-3.3-70b-versatile", "anthropic/claude-sonnet-4.5" };
    QList<RequestRecord> records;
    for (int day = 30; day >= 1; --day) {
        const bool weekend = now.addDays(-day).date().dayOfWeek() >= 6;
        const int count = weekend ? 8 + int(random.bounded(20)) : 40 + int(random.bounded(90));
        for (int i = 0; i < count; ++i) {
            RequestRecord r;
            r.id = QStringLiteral("gen-demo-%1-%2").arg(day).arg(i);
            r.startedAt = now.addDays(-day).addSecs(qint64(random.bounded(36'000)) - 18'000);
            r.memberId = random.bounded(4) == 0 ? 2 : 1;
            r.localKeyId = r.memberId;
            r.workspaceId = 1;
            r.endpoint = QStringLiteral("/v1/chat/completions");
            r.requestedModel = models.at(int(random.bounded(models.size())));
            const bool groq = r.requestedModel.startsWith(u"llama");
            const bool claude = r.requestedModel.startsWith(u"anthropic/");
            r.servedModel = r.requestedModel;
            r.status = 200;
            r.latencyMs = 300 + random.bounded(2400);
            r.usage = { 400 + random.bounded(6000), 50 + random.bounded(900),
                random.bounded(2) ? random.bounded(400) : 0, 0 };
            if (const auto price = catalog.priceOf({ r.requestedModel }))
                r.cost = price->costOf(r.usage);
            const auto attempt = [&](int number, qint64 keyId, const char* label,
                                     const char* provider, Tier tier, int status) {
                AttemptRecord a;
                a.requestId = r.id;
                a.number = number;
                a.keyId = keyId;
                a.keyLabel = text(label);
                a.providerId = text(provider);
                a.tier = tier;
                a.model = r.requestedModel;
                a.startedAt = r.startedAt;
                a.httpStatus = status;
                a.latencyMs = status == 200 ? r.latencyMs : 90;
                if (status == 429) {
                    a.errorClass = QStringLiteral("rate_limited");
                    a.errorMessage = QStringLiteral("Rate limit reached for requests");
                } else {
                    a.usage = r.usage;
                }
                r.attempts.append(a);
            };
            if (groq) {
                attempt(1, 3, "Groq", "openai-compatible", Tier::Prioritized, 200);
            } else if (claude) {
                attempt(1, 4, "OpenRouter", "openrouter", Tier::SharedCapacity, 200);
            } else if (random.bounded(100) < 9) {
                attempt(1, 1, "Work OpenAI", "openai", Tier::Prioritized, 429);
                attempt(2, 6, "Azure East US", "azure", Tier::Fallback, 200);
            } else {
                attempt(1, 1, "Work OpenAI", "openai", Tier::Prioritized, 200);
            }
            r.keyLabel = r.attempts.constLast().keyLabel;
            records.append(r);
        }
    }
    return records;
}

class Demo
{
public:
    explicit Demo(const QString& outputDir)
        : m_output(outputDir)
    { }

    bool run()
    {
        const QString database = m_dir.filePath(QStringLiteral("keyway.db"));
        {
            Store store;
            if (!store.open(database) || !store.settings().setValue(text("port"), text("0")))
                return fail("the database could not be prepared");
            ActivityArchive archive;
            if (!archive.open(ActivityArchive::pathFor(database))
                || !archive.write(history(QDateTime::currentDateTimeUtc())))
                return fail("the activity log could not be written");
        }
        m_core = std::make_unique<AppCore>(database);
        m_window = std::make_unique<MainWindow>(*m_core);
        m_window->resize(1180, 700);
        m_window->show();
        QSignalSpy listening(m_core.get(), &AppCore::routerListening);
        m_core->start();
        if (!waitFor([&] { return !listening.isEmpty(); }))
            return fail("the router did not start");
        m_address = listening.constFirst().constFirst().toString();
        return addDirectory() && addKeys() && sendTraffic() && takePictures();
    }

private:
    bool fail(const char* what)
    {
        qCritical("keyway-screenshots: %s", what);
        return false;
    }

    bool addDirectory()
    {
        if (!awaitTask(m_core->addMember(text("ci-bot"))))
            return fail("no member");
        for (const auto& [name, member] : { std::pair { "laptop", "me" },
                 std::pair { "claude-code", "me" }, std::pair { "ci", "ci-bot" } }) {
            const auto created = awaitTask(m_core->createToken(text(name), text(member), {}));
            if (!created)
                return fail("no token");
            m_tokens.append(created->token);
        }
        return true;
    }

    bool addKeys()
    {
        qint64 expectedId = 0;
        for (const DemoKey& demo : demoKeys) {
            KeyFields fields;
            fields.label = text(demo.label);
            fields.tier = demo.tier;
            fields.settings = demo.settings;
            if (demo.onFake)
                fields.baseUrl = m_fake.baseUrl();
            const auto key
                = awaitTask(m_core->addKey(text(demo.provider), fields, text(demo.secret)));
            if (!key)
                return fail("a key was not added");
            if (key->id != ++expectedId) // the history names the keys by these ids
                return fail("keys got other ids than the history expects");
            m_keys.append(*key);
        }
        // Filters: the personal-looking ones, a member and a local key.
        KeyFields groq;
        groq.memberNames = QStringList { text("me") };
        if (!awaitTask(m_core->editKey(m_keys.at(2).id, groq, std::nullopt)))
            return fail("a filter was not stored");
        KeyFields anthropic;
        anthropic.modelPatterns = QStringList { text("anthropic/*") };
        const auto edited = awaitTask(m_core->editKey(m_keys.at(1).id, anthropic, std::nullopt));
        if (!edited)
            return fail("a filter was not stored");
        m_keys[1] = *edited;
        return true;
    }

    // Sends one chat request per model with `token`; true once all were answered.
    bool send(const QStringList& models, const QString& token)
    {
        int pending = 0;
        for (qsizetype i = 0; i < models.size(); ++i) {
            const QJsonObject body { { "model", models.at(i) }, { "stream", i % 3 == 0 },
                { "messages",
                    QJsonArray { QJsonObject {
                        { "role", "user" }, { "content", "Summarise the release notes." } } } } };
            QNetworkRequest request(QUrl(m_address + QStringLiteral("/v1/chat/completions")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, text("application/json"));
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
            QNetworkReply* reply
                = m_client.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            ++pending;
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &pending] {
                --pending;
                reply->deleteLater();
            });
            QTest::qWait(40);
        }
        return waitFor([&] { return pending == 0; }) || fail("requests did not finish");
    }

    bool sendTraffic()
    {
        const QString laptop = m_tokens.at(0);
        const QString ci = m_tokens.at(2);
        const QStringList everyday { "gpt-4.1", "gpt-4o-mini", "llama-3.3-70b-versatile",
            "gpt-5-mini", "openai/gpt-4.1", "anthropic/claude-sonnet-4.5" };
        if (!send(everyday + everyday, laptop) || !send(everyday, ci))
            return false;
        // Then the work key hits its rate limit (and rests), OpenRouter has a bad moment and the
        // old project key turns out to be revoked: Azure answers.
        m_fake.script(secretOf("Work OpenAI"), {},
            { FakeProvider::Behaviour::Status, 429, { { "retry-after", "52" } },
                R"({"error": {"message": "Rate limit reached for gpt-4.1 in organization org-keyway-demo on requests per min (RPM): Limit 500, Used 500, Requested 1.", "type": "requests", "code": "rate_limit_exceeded"}})" });
        m_fake.script(secretOf("OpenRouter"), {},
            { FakeProvider::Behaviour::Status, 503, {},
                R"({"error": {"message": "The service is temporarily unable to process your request.", "code": "ServiceUnavailable"}})" },
            1);
        m_fake.script(secretOf("Old project key"), {},
            { FakeProvider::Behaviour::Status, 401, {},
                R"({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key"}})" });
        return send({ "gpt-4.1", "gpt-4.1", "gpt-4o-mini" }, laptop);
    }

    bool save(QWidget* widget, const QString& name)
    {
        QTest::qWait(400); // queued updates and layouts settle
        const QString path = QDir(m_output).filePath(name + QStringLiteral(".png"));
        if (!widget->grab().save(path))
            return fail("a picture could not be saved");
        qInfo().noquote() << "saved" << path;
        return true;
    }

    bool takePictures()
    {
        auto* pages = m_window->findChild<QTabWidget*>();
        const QStringList names { "keys", "activity", "route-preview", "usage", "access",
            "settings" };
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            if (names.at(i) == u"activity" && !selectFailover())
                return false;
            if (names.at(i) == u"route-preview")
                previewRoute();
            if (!save(m_window.get(), names.at(i)))
                return false;
        }
        pages->setCurrentIndex(0);
        return dialogs() && darkPictures();
    }

    // The board once more under a dark palette (Fusion's, as a dark desktop theme gives it), to
    // see that the badges and the quieter text stay readable.
    bool darkPictures()
    {
        QApplication::setStyle(QStyleFactory::create(text("Fusion")));
        QApplication::setPalette(TestPalettes::dark());
        auto* pages = m_window->findChild<QTabWidget*>();
        pages->setCurrentIndex(0);
        // A selected row too: its badge sits on the highlight.
        auto* prioritized = m_window->findChild<QListView*>(text("tier-prioritized"));
        prioritized->setCurrentIndex(prioritized->model()->index(1, 0));
        return save(m_window.get(), text("keys-dark"));
    }

    bool selectFailover()
    {
        auto* table = m_window->findChild<QTableView*>(QStringLiteral("requests"));
        if (!waitFor([&] { return table->model()->rowCount() > 30; }))
            return fail("the activity page stayed empty");
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, ActivityModel::Attempts);
            if (index.data().toInt() > 1) {
                table->setCurrentIndex(index);
                return true;
            }
        }
        return fail("no request failed over");
    }

    void previewRoute()
    {
        auto* page = m_window->findChild<QTabWidget*>()->currentWidget();
        auto* localKey = page->findChild<QComboBox*>(QStringLiteral("localKey"));
        localKey->setCurrentIndex(0);
        page->findChild<QLineEdit*>(QStringLiteral("model"))->setText(text("gpt-4.1"));
        QTest::qWait(1500); // the page asks the core after a pause in typing
    }

    bool dialogs()
    {
        KeyEditorDialog editor(*m_core, m_keys.at(0), m_window.get());
        editor.show();
        editor.testKey();
        if (!waitFor([&] { return !editor.testResult().startsWith(u"Asking"); }))
            return fail("the key test did not answer");
        if (!save(&editor, text("key-editor")))
            return false;
        editor.close();

        KeyFilterDialog filters(*m_core, m_keys.at(1), m_window.get());
        filters.show();
        if (!save(&filters, text("filter-editor")))
            return false;
        filters.close();

        TokenDialog token(*m_core, m_address, m_core->localKeys().at(1).id, m_window.get());
        token.show();
        if (!waitFor([&] { return !token.shownToken().isEmpty(); }))
            return fail("the token was not shown");
        return save(&token, text("token"));
    }

    QString m_output;
    QTemporaryDir m_dir;
    FakeProvider m_fake;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<MainWindow> m_window;
    QNetworkAccessManager m_client;
    QString m_address;
    QStringList m_tokens;
    QList<ProviderKey> m_keys;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Keyway"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.size() > 3) {
        qCritical("usage: keyway-screenshots OUTPUT_DIR [LOCALE]");
        return 2;
    }
    // In English whatever the machine's locale (with English plurals), unless one is asked for
    // (de_DE: to look for German text that does not fit).
    QLocale::setDefault(QLocale(arguments.value(2, QStringLiteral("en_US"))));
    Translations::install(QLocale());
    if (!QDir().mkpath(arguments.at(1)))
        return 1;
    Demo demo(arguments.at(1));
    return demo.run() ? 0 : 1;
}
