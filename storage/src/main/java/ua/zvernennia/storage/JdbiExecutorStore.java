package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.executor.Efficiency;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.executor.StaffMember;

/** {@link ExecutorStore} over the database ({@link ExecutorRows}). Thread-safe. */
final class JdbiExecutorStore implements ExecutorStore {
    private final Storage storage;

    JdbiExecutorStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<Executor> list() {
        return storage.read(s -> s.executors().list());
    }

    @Override
    public Optional<Executor> find(long id) {
        return storage.read(s -> s.executors().executor(id));
    }

    @Override
    public Executor create(Executor executor, Instant now) {
        return storage.write(s -> s.executors().create(executor, now));
    }

    @Override
    public boolean update(Executor executor) {
        // The categories that refer to it show its new name: a change of the menu.
        return storage.editMenu(c -> c.updateExecutor(executor));
    }

    @Override
    public Optional<Executor> byStaffChat(String telegramChatId) {
        return storage.read(s -> s.executors().byStaffChat(telegramChatId));
    }

    @Override
    public List<StaffMember> staff(long executorId) {
        return storage.read(s -> s.executors().staff(executorId));
    }

    @Override
    public void addStaff(StaffMember member) {
        storage.write(s -> {
            s.executors().addStaff(member);
            return null;
        });
    }

    @Override
    public boolean removeStaff(long executorId, String telegramUserId) {
        return storage.write(s -> s.executors().removeStaff(executorId, telegramUserId));
    }

    @Override
    public Optional<Long> executorOf(AppealNumber number) {
        return storage.read(s -> s.executors().executorOf(number));
    }

    @Override
    public List<Efficiency> efficiency(Instant from, Instant to) {
        return storage.read(s -> s.executors().efficiency(from, to));
    }
}
