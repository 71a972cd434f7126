/* System V IPC (tests/differential/test_fam_ipc.py): msgget/msgsnd/msgrcv/msgctl,
 * semget/semop/semtimedop/semctl, shmget/shmat/shmdt/shmctl with every command, valid
 * and invalid: keys, flags with the permission bits and unknown bits, shmget's huge
 * page size, garbage in the upper half of int arguments, bad pointers, IPC_64.  It
 * runs in an IPC namespace of its own (unshare(CLONE_NEWIPC), as root) so that the ids
 * are the same in every run. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)8)
#define GARBAGE 0xdefaced00000000L

int main(void)
{
	struct { long mtype; char mtext[16]; } msg = { 42, "hello, queue" };
	struct msqid_ds mds;
	struct msginfo minfo;
	struct semid_ds sds;
	struct seminfo sinfo;
	struct shmid_ds hds;
	struct shminfo hinfo;
	struct sembuf ops[2] = { { 0, 1, SEM_UNDO }, { 0, -1, IPC_NOWAIT | 0x10 } };
	struct timespec ts = { 0, 1000 };
	unsigned short vals[1] = { 3 };
	int id;
	void *at;

	if (unshare(CLONE_NEWIPC)) {
		perror("unshare(CLONE_NEWIPC)");
		return 1;
	}
	/* message queues */
	syscall(SYS_msgget, 0xfdb97531, IPC_EXCL | IPC_NOWAIT | 0xface1000 | 0125);
	id = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	syscall(SYS_msgsnd, id, &msg, 13, 0);
	syscall(SYS_msgsnd, GARBAGE | id, BAD, 13, IPC_NOWAIT | 0x100000);
	syscall(SYS_msgrcv, id, &msg, sizeof msg.mtext, -42L, MSG_NOERROR);
	syscall(SYS_msgrcv, id, &msg, sizeof msg.mtext, 7, IPC_NOWAIT);
	syscall(SYS_msgctl, id, IPC_STAT, &mds);
	syscall(SYS_msgctl, id, IPC_SET, &mds);
	syscall(SYS_msgctl, id, IPC_INFO, &minfo);
	syscall(SYS_msgctl, id, MSG_INFO, &minfo);
	syscall(SYS_msgctl, 0, MSG_STAT, &mds);
	syscall(SYS_msgctl, id, IPC_STAT | 0x100, BAD);
	syscall(SYS_msgctl, id, 0xdead, BAD);
	syscall(SYS_msgctl, id, IPC_RMID, NULL);
	/* semaphores */
	syscall(SYS_semget, 0xfdb97531, GARBAGE | 2, IPC_CREAT | IPC_EXCL | 0x1000 | 0640);
	id = syscall(SYS_semget, IPC_PRIVATE, 1, 0600);
	syscall(SYS_semop, id, ops, 1);
	syscall(SYS_semop, id, ops, 2);
	syscall(SYS_semop, id, BAD, 1);
	syscall(SYS_semop, id, NULL, 0);
	syscall(SYS_semtimedop, id, ops + 1, 1, &ts);
	syscall(SYS_semtimedop, id, ops, 1, NULL);
	syscall(SYS_semctl, id, 0, GETVAL, 0);
	syscall(SYS_semctl, id, 0, SETVAL, 5);
	syscall(SYS_semctl, id, 0, GETALL, vals);
	syscall(SYS_semctl, id, 0, SETALL, vals);
	syscall(SYS_semctl, id, 0, GETPID, 0);
	syscall(SYS_semctl, id, 0, IPC_STAT, &sds);
	syscall(SYS_semctl, id, 0, IPC_SET, &sds);
	syscall(SYS_semctl, id, 0, IPC_INFO, &sinfo);
	syscall(SYS_semctl, id, 0, SEM_INFO, &sinfo);
	syscall(SYS_semctl, 0, 0, SEM_STAT, &sds);
	syscall(SYS_semctl, id, 0, IPC_STAT, BAD);
	syscall(SYS_semctl, id, 0, 0x77, BAD);
	syscall(SYS_semctl, id, 0, IPC_RMID, 0);
	/* shared memory */
	syscall(SYS_shmget, 0xfdb97531, 4096, 21 << 26);
	syscall(SYS_shmget, 0xfdb97531, 4096, IPC_CREAT | SHM_HUGETLB | (21 << 26) | 0600);
	syscall(SYS_shmget, 0xfdb97531, GARBAGE, SHM_NORESERVE | 0x80000000 | 0125);
	id = syscall(SYS_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	at = (void *)syscall(SYS_shmat, id, NULL, SHM_RDONLY);
	syscall(SYS_shmat, id, BAD, SHM_RND | SHM_REMAP | 0x10000000);
	syscall(SYS_shmctl, id, IPC_STAT, &hds);
	syscall(SYS_shmctl, id, IPC_SET, &hds);
	syscall(SYS_shmctl, id, IPC_INFO, &hinfo);
	syscall(SYS_shmctl, id, SHM_INFO, &hinfo);
	syscall(SYS_shmctl, 0, SHM_STAT, &hds);
	syscall(SYS_shmctl, id, SHM_LOCK, NULL);
	syscall(SYS_shmctl, id, 0xbeef, BAD);
	syscall(SYS_shmdt, at);
	syscall(SYS_shmdt, BAD);
	syscall(SYS_shmctl, id, IPC_RMID, NULL);
	return 0;
}
