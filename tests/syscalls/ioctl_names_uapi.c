/* Requests strace 6.1 names from its whole ioctlent table (every request macro of
 * the kernel uapi headers) and no family table of ours covers: tape (MTIOC*), ALSA
 * (SNDRV_*), RapidIO (RIO_*), VFIO, binder (its BC_* enum members too), USB devfs,
 * vhost, tun, uinput, fbdev and CD-ROM legacy numbers, names two headers share
 * ("A or B"), and neighbours of another size or direction, which print in the generic
 * _IOC() form.  On a bad descriptor (arguments as garbage) and on /dev/null. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <linux/agpgart.h>
#include <linux/android/binder.h>
#include <linux/apm_bios.h>
#include <linux/cdrom.h>
#include <linux/dma-buf.h>
#include <linux/fb.h>
#include <linux/if_tun.h>
#include <linux/mtio.h>
#include <linux/rio_mport_cdev.h>
#include <linux/uinput.h>
#include <linux/usbdevice_fs.h>
#include <linux/vfio.h>
#include <linux/vhost.h>
#include <sound/asound.h>

/* the same request with another size, or another direction */
#define RESIZED(r) _IOC(_IOC_DIR(r), _IOC_TYPE(r), _IOC_NR(r), _IOC_SIZE(r) + 1)
#define REDIRECTED(r) _IOC(_IOC_DIR(r) ^ _IOC_READ, _IOC_TYPE(r), _IOC_NR(r), _IOC_SIZE(r))

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		MTIOCTOP, MTIOCGET, MTIOCPOS, RESIZED(MTIOCTOP), REDIRECTED(MTIOCGET),
		SNDRV_PCM_IOCTL_PVERSION, SNDRV_PCM_IOCTL_HW_PARAMS, SNDRV_PCM_IOCTL_PREPARE,
		SNDRV_PCM_IOCTL_DRAIN, SNDRV_CTL_IOCTL_CARD_INFO, SNDRV_CTL_IOCTL_ELEM_LIST,
		SNDRV_TIMER_IOCTL_START, SNDRV_RAWMIDI_IOCTL_PARAMS, SNDRV_HWDEP_IOCTL_INFO,
		RESIZED(SNDRV_PCM_IOCTL_STATUS),
		RIO_MPORT_MAINT_READ_LOCAL, RIO_MAP_INBOUND, RIO_DEV_ADD, RIO_TRANSFER,
		VFIO_GET_API_VERSION, VFIO_CHECK_EXTENSION, VFIO_IOMMU_MAP_DMA,
		VFIO_DEVICE_FEATURE, VFIO_IOMMU_GET_INFO,
		BINDER_WRITE_READ, BINDER_VERSION, BINDER_SET_IDLE_TIMEOUT, BC_TRANSACTION,
		BR_REPLY, BC_ACQUIRE, RESIZED(BINDER_VERSION),
		USBDEVFS_CONTROL, USBDEVFS_SUBMITURB, USBDEVFS_RESET, USBDEVFS_GET_SPEED,
		VHOST_GET_FEATURES, VHOST_SET_OWNER, VHOST_SET_VRING_NUM,
		TUNSETIFF, TUNGETFEATURES, TUNSETOFFLOAD,
		UI_DEV_CREATE, UI_SET_EVBIT, UI_DEV_SETUP,
		AGPIOC_ACQUIRE, APM_IOC_STANDBY, DMA_BUF_IOCTL_SYNC,
		FBIOGET_VSCREENINFO, FBIOPUT_VSCREENINFO, FBIO_WAITFORVSYNC,
		CDROMEJECT, CDROMPLAYMSF, CDROM_GET_CAPABILITY,
		_IOC(_IOC_READ | _IOC_WRITE, 0xfe, 0xed, 0x123),
	};

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(-1, reqs[i], 0xfacefeedUL);
		ioctl(fd, reqs[i], 0);
	}
	return 0;
}
