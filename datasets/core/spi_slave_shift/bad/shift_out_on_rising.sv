module TopModule(input clk, input reset, input sclk, input cs_n, input mosi, input load,
                 input [7:0] load_data, output miso, output reg [7:0] rx_byte,
                 output reg rx_valid);
  reg sclk_q;
  reg [2:0] cnt;
  reg [7:0] rxs, tx;
  wire rise = sclk && !sclk_q;

  always @(posedge clk) begin
    if (reset) begin
      sclk_q <= 1'b0;
      cnt <= 3'd0;
      rxs <= 8'h00;
      tx <= 8'h00;
      rx_byte <= 8'h00;
      rx_valid <= 1'b0;
    end else begin
      sclk_q <= sclk;
      rx_valid <= 1'b0;
      if (cs_n) begin
        cnt <= 3'd0;
      end else if (rise) begin
        rxs <= {rxs[6:0], mosi};
        cnt <= cnt + 3'd1;
        if (cnt == 3'd7) begin
          rx_byte <= {rxs[6:0], mosi};
          rx_valid <= 1'b1;
        end
      end
      if (load) tx <= load_data;
      else if (!cs_n && rise) tx <= {tx[6:0], 1'b0};   // changes miso on the sampling edge
    end
  end

  assign miso = !cs_n && tx[7];
endmodule
