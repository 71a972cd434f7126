/* Test program for pstrace differential tests (tests/differential/test_sock_filter.py):
 * getsockopt(SOL_SOCKET, SO_GET_FILTER) after SO_ATTACH_FILTER: the instruction count
 * as the length, the filter read back (with -v), zero, short, NULL and bad buffers. */
#include <linux/filter.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void){
 int s = socket(AF_INET, SOCK_DGRAM, 0);
 struct sock_filter code[] = {
  BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 9),
  BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 17, 0, 1),
  BPF_STMT(BPF_RET | BPF_K, 0xffff),
  BPF_STMT(BPF_RET | BPF_K, 0),
 };
 struct sock_fprog prog = { 4, code };
 setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog));
 struct sock_filter back[8];
 socklen_t len = 0;
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, back, &len);
 len = 8;
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, back, &len);
 len = 2;
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, back, &len);
 len = 8;
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, 0, &len);
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, back, 0);
 len = 8;
 getsockopt(s, SOL_SOCKET, SO_GET_FILTER, (void *) 1, &len);
 int v;
 len = sizeof(v);
 getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
 return 0;
}
