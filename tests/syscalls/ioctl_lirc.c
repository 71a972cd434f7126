/* LIRC ioctls on /dev/null (not an infrared device: the kernel fails them), and the
 * IPMI, i8k, IIO and I2O requests sharing type 'i' (named only): every request with a good,
 * NULL and bad pointer; known, unknown and zero modes and features; an unknown 'i'
 * number. */
#include <fcntl.h>
#include <stddef.h>
#include <linux/i2o-dev.h>
#include <linux/i8k.h>
#include <linux/iio/buffer.h>
#include <linux/iio/events.h>
#include <linux/ipmi.h>
#include <linux/lirc.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned int val = 38000, mode = LIRC_MODE_SCANCODE, odd = 3, zero = 0;
	unsigned int feats = LIRC_CAN_SEND_PULSE | LIRC_CAN_REC_MODE2 | 0x40000000;
	unsigned long reqs[] = {
		LIRC_GET_FEATURES, LIRC_GET_SEND_MODE, LIRC_GET_REC_MODE,
		LIRC_GET_REC_RESOLUTION, LIRC_GET_MIN_TIMEOUT, LIRC_GET_MAX_TIMEOUT,
		LIRC_GET_LENGTH, LIRC_SET_SEND_MODE, LIRC_SET_REC_MODE, LIRC_SET_SEND_CARRIER,
		LIRC_SET_REC_CARRIER, LIRC_SET_SEND_DUTY_CYCLE, LIRC_SET_TRANSMITTER_MASK,
		LIRC_SET_REC_TIMEOUT, LIRC_SET_REC_TIMEOUT_REPORTS,
		LIRC_SET_MEASURE_CARRIER_MODE, LIRC_SET_REC_CARRIER_RANGE,
		LIRC_SET_WIDEBAND_RECEIVER, LIRC_GET_REC_TIMEOUT,
		IPMICTL_SEND_COMMAND, IPMICTL_SEND_COMMAND_SETTIME, IPMICTL_RECEIVE_MSG,
		IPMICTL_RECEIVE_MSG_TRUNC, IPMICTL_REGISTER_FOR_CMD, IPMICTL_UNREGISTER_FOR_CMD,
		IPMICTL_REGISTER_FOR_CMD_CHANS, IPMICTL_UNREGISTER_FOR_CMD_CHANS,
		IPMICTL_SET_GETS_EVENTS_CMD, IPMICTL_SET_MY_CHANNEL_ADDRESS_CMD,
		IPMICTL_GET_MY_CHANNEL_ADDRESS_CMD, IPMICTL_SET_MY_CHANNEL_LUN_CMD,
		IPMICTL_GET_MY_CHANNEL_LUN_CMD, IPMICTL_SET_MY_ADDRESS_CMD,
		IPMICTL_GET_MY_ADDRESS_CMD, IPMICTL_SET_MY_LUN_CMD, IPMICTL_GET_MY_LUN_CMD,
		IPMICTL_SET_TIMING_PARMS_CMD, IPMICTL_GET_TIMING_PARMS_CMD,
		IPMICTL_GET_MAINTENANCE_MODE_CMD, IPMICTL_SET_MAINTENANCE_MODE_CMD,
		I8K_BIOS_VERSION, I8K_MACHINE_ID, I8K_POWER_STATUS, I8K_FN_STATUS, I8K_GET_TEMP,
		I8K_GET_SPEED, I8K_GET_FAN, I8K_SET_FAN, IIO_GET_EVENT_FD_IOCTL,
		IIO_BUFFER_GET_FD_IOCTL, I2OGETIOPS, I2OHRTGET, I2OLCTGET, I2OPARMSET, I2OPARMGET,
		I2OSWDL, I2OSWUL, I2OSWDEL, I2OVALIDATE, I2OHTML, I2OEVTREG, I2OEVTGET,
		I2OPASSTHRU, I2OPASSTHRU32,
	};

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], &val);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *)8);
	}
	ioctl(fd, LIRC_SET_SEND_MODE, &mode);
	ioctl(fd, LIRC_SET_REC_MODE, &odd);
	ioctl(fd, LIRC_SET_REC_MODE, &zero);
	ioctl(fd, LIRC_SET_TRANSMITTER_MASK, &feats);
	ioctl(fd, _IOR('i', 0x7e, int), &val);
	return 0;
}
