#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/FakeProvider.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace std::chrono_literals;

// The app layer as the window uses it, on a real store, keychain, router and fake provider:
// each call's own result on the caller's thread, and what a key test tells the running router.
// One core for all: QtKeychain serves one thread per process.
class TestAppCore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeProvider m_fake;
    std::unique_ptr<AppCore> m_core;
    QString m_address;
    QString m_token;

    // Sends a chat request through the router.
    void chat()
    {
        QNetworkAccessManager client;
        QNetworkRequest request(QUrl(m_address + QStringLiteral("/v1/chat/completions")));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = client.post(request,
            QByteArray(R"({"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]})"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(15000);
        reply->deleteLater();
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("core.db"));
        {
            Store store;
            QVERIFY(store.open(path));
            QVERIFY(store.settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        }
        m_core = std::make_unique<AppCore>(path);
        QSignalSpy listening(m_core.get(), &AppCore::routerListening);
        m_core->start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 15000);
        m_address = listening.first().first().toString();
        const auto created = awaitTask(m_core->createToken(QStringLiteral("test"), {}, {}));
        QVERIFY(created);
        m_token = created->token;
    }
    void cleanupTestCase() { m_core.reset(); }

    void answersOnTheCallersThreadWithTheFailedField()
    {
        KeyFields fields;
        fields.label = QStringLiteral("Twice");
        fields.baseUrl = m_fake.baseUrl();
        const Result<ProviderKey> first = awaitTask(m_core->addKey(
            QStringLiteral("openai"), fields, QStringLiteral("sk-twice-0123456789")));
        QVERIFY(first);
        QThread* answeredOn = nullptr;
        std::optional<Result<ProviderKey>> again;
        whenFinished(this,
            m_core->addKey(QStringLiteral("openai"), fields, QStringLiteral("sk-twice-987654321")),
            [&](const Result<ProviderKey>& result) {
                answeredOn = QThread::currentThread();
                again.emplace(result);
            });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 15000);
        QCOMPARE(answeredOn, thread());
        QVERIFY(!*again);
        QCOMPARE(again->failure().field, QStringLiteral("label"));
        QVERIFY(awaitTask(m_core->removeKey(first->id)));
        QVERIFY(!awaitTask(m_core->removeKey(first->id))); // gone already
    }

    void aReceiverGoneBeforeTheAnswerIsNotCalled()
    {
        auto* receiver = new QObject(this);
        bool called = false;
        whenFinished(receiver, m_core->previewRoute(1, QStringLiteral("gpt-4o")),
            [&](const Result<RoutePreview>&) { called = true; });
        delete receiver;
        // The worker answers in order: once a later call is answered, the first was too.
        QVERIFY(awaitTask(m_core->previewRoute(1, QStringLiteral("gpt-4o"))));
        QVERIFY(!called);
    }

    // DESIGN.md §2: a key the provider refused stays invalid until it is edited or re-tested.
    void aPassingTestOfAStoredKeyClearsItsInvalidState()
    {
        const QByteArray secret = "sk-revoked-then-restored-0123";
        KeyFields fields;
        fields.label = QStringLiteral("Restored");
        fields.baseUrl = m_fake.baseUrl();
        const Result<ProviderKey> key = awaitTask(
            m_core->addKey(QStringLiteral("openai"), fields, QString::fromLatin1(secret)));
        QVERIFY(key);
        QSignalSpy statuses(m_core.get(), &AppCore::keyStatusesChanged);
        const auto invalid = [&] {
            return !statuses.isEmpty()
                && statuses.last().first().value<KeyStatuses>().value(key->id).state
                == KeyHealth::State::Invalid;
        };
        // The provider refuses the key once; the router takes up the key with its next snapshot.
        m_fake.script(secret, {},
            { FakeProvider::Behaviour::Status, 401, {},
                R"({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key"}})" },
            1);
        const auto refused = [&] {
            const QList<FakeProvider::Attempt> attempts = m_fake.attempts();
            return std::any_of(attempts.cbegin(), attempts.cend(),
                [&](const FakeProvider::Attempt& attempt) { return attempt.key == secret; });
        };
        QDeadlineTimer deadline(15s);
        while (!refused() && !deadline.hasExpired())
            chat();
        QVERIFY(refused());
        QTRY_VERIFY_WITH_TIMEOUT(invalid(), 5000); // the board hears within the second

        // A test of other input says nothing of the key as stored.
        const auto typed
            = awaitTask(m_core->testKey(key->id, {}, {}, QStringLiteral("sk-another-0123456789")));
        QVERIFY(typed && typed->works());
        QVERIFY(invalid());

        const auto tested = awaitTask(m_core->testKey(key->id, {}, {}, std::nullopt));
        QVERIFY(tested && tested->works());
        // Told before the verdict came.
        QVERIFY(!invalid());
        QVERIFY(!statuses.last().first().value<KeyStatuses>().contains(key->id));
    }
};

QTEST_MAIN(TestAppCore)
#include "TestAppCore.moc"
