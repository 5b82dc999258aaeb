module debouncer (
    input  wire clk,
    input  wire rst_n,
    input  wire noisy,
    output reg  clean
);
  reg [1:0] cnt;
  reg last;
  always @(posedge clk) begin
    if (!rst_n) begin
      cnt <= 2'd0;
      last <= 1'b0;
      clean <= 1'b0;
    end else begin
      last <= noisy;
      if (noisy != last) cnt <= 2'd0;
      else if (cnt == 2'd3) clean <= last;
      else cnt <= cnt + 2'd1;
    end
  end
endmodule
