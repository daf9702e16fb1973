#pragma once

#include <QCoro/QCoroTask>
#include <QEventLoop>

#include <optional>

// Runs an event loop until the coroutine has finished and returns its result. For the CLI and
// tests, which have nothing else to do meanwhile; never call it on the GUI thread.
// (QCoro::waitFor needs a default-constructible result, which Result<T> is not, and
// QCoro::connect/then() in QCoro 0.8 keep a pointer to a Task that may be gone when it resumes;
// here the task lives in the frame of the coroutine that awaits it.)
template <typename T> T awaitTask(QCoro::Task<T>&& task)
{
    std::optional<T> result;
    QEventLoop loop;
    const auto collect
        = [](QCoro::Task<T> owned, std::optional<T>& out, QEventLoop& done) -> QCoro::Task<> {
        out.emplace(co_await owned);
        done.quit();
    };
    QCoro::Task<> running = collect(std::move(task), result, loop);
    if (!result)
        loop.exec();
    return std::move(*result);
}
