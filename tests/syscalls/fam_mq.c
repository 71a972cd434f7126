/* POSIX message queues (tests/differential/test_fam_mq.py): mq_open with and without
 * O_CREAT and attributes, mq_timedsend/mq_timedreceive with a timeout and a priority,
 * mq_notify with every notification kind, mq_getsetattr in both directions,
 * mq_unlink; bad pointers, unknown values, a mode above the permission bits.  In an
 * IPC namespace of its own, so that parallel runs do not share the queue. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)8)
#define NAME "pstrace-mq-test"

int main(void)
{
	struct mq_attr attr = { 0, 4, 32, 0 }, old;
	struct sigevent sev;
	struct timespec ts = { 0, 1000 };
	unsigned int prio = 0;
	char buf[64];
	int q;

	if (unshare(CLONE_NEWIPC))   /* a queue namespace of its own (root) */
		return 1;
	syscall(SYS_mq_unlink, NAME);
	q = syscall(SYS_mq_open, NAME, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600, &attr);
	syscall(SYS_mq_open, NAME, O_RDONLY, 0, NULL);
	syscall(SYS_mq_open, BAD, O_WRONLY | O_CREAT, 0xfeed, BAD);
	syscall(SYS_mq_open, NAME, O_RDWR | O_CREAT, 0644, NULL);
	syscall(SYS_mq_timedsend, q, "message one", 11, 3, NULL);
	syscall(SYS_mq_timedsend, q, "two", 3, 0xdefaced00000007L, &ts);
	syscall(SYS_mq_timedsend, q, BAD, 3, 1, BAD);
	syscall(SYS_mq_timedreceive, q, buf, sizeof buf, &prio, NULL);
	syscall(SYS_mq_timedreceive, q, buf, sizeof buf, NULL, &ts);
	syscall(SYS_mq_timedreceive, q, buf, sizeof buf, &prio, &ts);   /* empty: ETIMEDOUT */
	syscall(SYS_mq_timedreceive, q, buf, 8, &prio, NULL);           /* EMSGSIZE */
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 42;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	sev.sigev_notify = 0xdefaced;
	syscall(SYS_mq_notify, -1, &sev);
	syscall(SYS_mq_notify, q, BAD);
	syscall(SYS_mq_getsetattr, q, NULL, &old);
	attr.mq_flags = O_NONBLOCK;
	syscall(SYS_mq_getsetattr, q, &attr, &old);
	attr.mq_flags = O_NONBLOCK | 0x10;
	syscall(SYS_mq_getsetattr, q, &attr, NULL);
	syscall(SYS_mq_getsetattr, -1, BAD, BAD);
	close(q);
	syscall(SYS_mq_unlink, NAME);
	syscall(SYS_mq_unlink, BAD);
	return 0;
}
